using System.Numerics;
using Parley.Model;

namespace Parley.Conflict;

/// <summary>
/// A condition over conflict options as a disjunction of conjunctions of literals (option taken or not), the only
/// form a gmcr-py save file holds (a list of <c>[option, "Y"|"N"]</c> pairs, or a compound of such lists). Computed
/// from the truth table of the options the condition names and reduced to prime implicants (Quine–McCluskey) with a
/// greedy cover, so <c>a iff b</c> becomes <c>(a ∧ b) ∨ (¬a ∧ ¬b)</c>. Exponential in the number of options named
/// by one condition, hence <see cref="MaxOptions"/>.
/// </summary>
internal static class ConditionDnf
{
    /// <summary>Most distinct options one condition may name.</summary>
    public const int MaxOptions = 16;

    /// <summary>The terms: each is a list of (option id, taken), all of which must hold; no terms = never true, one empty term = always true.</summary>
    /// <exception cref="ArgumentException">The condition names too many options or a non-option atom.</exception>
    public static IReadOnlyList<IReadOnlyList<(string Option, bool Taken)>> Of(Condition condition)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var atoms = new List<string>();
        foreach (var a in condition.Atoms())
        {
            if (a is not OptionTaken t)
            {
                throw new ArgumentException($"'{condition}' is not a conflict condition (it compares issue options)");
            }

            if (!atoms.Contains(t.Option))
            {
                atoms.Add(t.Option);
            }
        }

        if (atoms.Count > MaxOptions)
        {
            throw new ArgumentException($"'{condition}' names {atoms.Count} options; at most {MaxOptions} can be written as a gmcr-py condition");
        }

        var holds = ConflictModelBuilder.Compile(condition, atoms.Select((id, k) => (id, k)).ToDictionary(x => x.id, x => x.k, StringComparer.Ordinal));
        var n = atoms.Count;
        var all = (1L << n) - 1;
        var minterms = Enumerable.Range(0, 1 << n).Select(m => (long)m).Where(holds).ToList();
        var primes = Primes(minterms, all);
        var cover = Cover(primes, minterms);
        return [.. cover.Select(p => (IReadOnlyList<(string, bool)>)[.. Enumerable.Range(0, n)
            .Where(k => (p.Care & (1L << k)) != 0)
            .Select(k => (atoms[k], (p.Value & (1L << k)) != 0))])];
    }

    private static List<(long Care, long Value)> Primes(List<long> minterms, long all)
    {
        var current = minterms.Select(m => (Care: all, Value: m)).ToHashSet();
        var primes = new List<(long Care, long Value)>();
        while (current.Count > 0)
        {
            var next = new HashSet<(long Care, long Value)>();
            var combined = new HashSet<(long Care, long Value)>();
            var list = current.OrderBy(x => x.Care).ThenBy(x => x.Value).ToList();
            foreach (var a in list)
            {
                for (var bit = 1L; bit <= a.Care; bit <<= 1)
                {
                    if ((a.Care & bit) == 0 || (a.Value & bit) != 0)
                    {
                        continue;
                    }

                    var b = (a.Care, a.Value | bit);
                    if (current.Contains(b))
                    {
                        next.Add((a.Care & ~bit, a.Value));
                        combined.Add(a);
                        combined.Add(b);
                    }
                }
            }

            primes.AddRange(list.Where(x => !combined.Contains(x)));
            current = next;
        }

        return primes;
    }

    private static List<(long Care, long Value)> Cover(List<(long Care, long Value)> primes, List<long> minterms)
    {
        var uncovered = minterms.ToHashSet();
        var chosen = new List<(long Care, long Value)>();
        while (uncovered.Count > 0)
        {
            // Most newly covered minterms first; ties: fewer literals, then the first in a fixed order (deterministic output).
            var best = primes
                .OrderByDescending(p => uncovered.Count(m => (m & p.Care) == p.Value))
                .ThenBy(p => BitOperations.PopCount((ulong)p.Care))
                .ThenBy(p => p.Care).ThenBy(p => p.Value)
                .First();
            chosen.Add(best);
            uncovered.RemoveWhere(m => (m & best.Care) == best.Value);
        }

        return [.. chosen.OrderByDescending(p => p.Care).ThenByDescending(p => p.Value)];
    }
}
