using System.Collections.Concurrent;
using Parley.Model;

namespace Parley.Conflict;

/// <summary>Builds a <see cref="ConflictModel"/>: enumerates feasible states (in parallel, deterministic order) and payoffs.</summary>
internal static class ConflictModelBuilder
{
    /// <summary>2^n masks are enumerated to find the feasible states; beyond this many options that is too slow.</summary>
    public const int MaxOptions = 30;

    private const int ChunkBits = 16;

    public static ConflictModel Build(
        IReadOnlyList<ModelOption> options,
        IReadOnlyList<ModelDecisionMaker> dms,
        Func<long, bool> isFeasible,
        IReadOnlyList<PayoffSource> preferences,
        IReadOnlyList<Func<long, bool>?> misperceived,
        long? statusQuo)
    {
        if (options.Count > MaxOptions)
        {
            throw new ArgumentException($"the conflict has {options.Count} options; at most {MaxOptions} can be enumerated (2^{MaxOptions} combinations)");
        }

        var states = EnumerateFeasible(options.Count, isFeasible);
        if (states.Length == 0)
        {
            throw new ArgumentException("the conflict has no feasible state");
        }

        var payoffs = new long[dms.Count][];
        var hidden = new bool[]?[dms.Count];
        for (var d = 0; d < dms.Count; d++)
        {
            payoffs[d] = Payoffs(states, preferences[d], dms[d].Name);
            if (misperceived[d] is { } mis)
            {
                var h = new bool[states.Length];
                Parallel.For(0, states.Length, i => h[i] = mis(states[i]));
                hidden[d] = h.Any(x => x) ? h : null;
            }
        }

        int? sq = null;
        if (statusQuo is { } sqMask)
        {
            var i = Array.BinarySearch(states, sqMask);
            sq = i >= 0 ? i : throw new ArgumentException("the status quo is not a feasible state");
        }

        return new ConflictModel(options, dms, states, payoffs, hidden, sq);
    }

    /// <summary>Compiles a condition over option ids to a predicate over state masks.</summary>
    public static Func<long, bool> Compile(Condition condition, IReadOnlyDictionary<string, int> bitOf) => condition switch
    {
        OptionTaken t => bitOf.TryGetValue(t.Option, out var bit)
            ? Bit(1L << bit)
            : throw new ArgumentException($"unknown conflict option '{t.Option}'"),
        Negation n => Not(Compile(n.Operand, bitOf)),
        AllOf a => All([.. a.Operands.Select(o => Compile(o, bitOf))]),
        AnyOf a => Any([.. a.Operands.Select(o => Compile(o, bitOf))]),
        Implies i => Imp(Compile(i.If, bitOf), Compile(i.Then, bitOf)),
        Iff i => Eq(Compile(i.Left, bitOf), Compile(i.Right, bitOf)),
        _ => throw new ArgumentException($"'{condition}' is not a conflict condition (it compares issue options)"),
    };

    private static Func<long, bool> Bit(long bit) => s => (s & bit) != 0;

    private static Func<long, bool> Not(Func<long, bool> f) => s => !f(s);

    // Loops rather than Array.TrueForAll/Exists: a lambda capturing the state would allocate on every evaluation.
    private static Func<long, bool> All(Func<long, bool>[] fs) => s =>
    {
        foreach (var f in fs)
        {
            if (!f(s))
            {
                return false;
            }
        }

        return true;
    };

    private static Func<long, bool> Any(Func<long, bool>[] fs) => s =>
    {
        foreach (var f in fs)
        {
            if (f(s))
            {
                return true;
            }
        }

        return false;
    };

    private static Func<long, bool> Imp(Func<long, bool> a, Func<long, bool> b) => s => !a(s) || b(s);

    private static Func<long, bool> Eq(Func<long, bool> a, Func<long, bool> b) => s => a(s) == b(s);

    private static long[] EnumerateFeasible(int n, Func<long, bool> isFeasible)
    {
        var total = 1L << n;
        var chunkSize = 1L << Math.Min(ChunkBits, n);
        var chunks = (int)(total / chunkSize);
        var found = new long[chunks][];
        Parallel.ForEach(Partitioner.Create(0, chunks), range =>
        {
            for (var c = range.Item1; c < range.Item2; c++)
            {
                var list = new List<long>();
                var start = c * chunkSize;
                for (var m = start; m < start + chunkSize; m++)
                {
                    if (isFeasible(m))
                    {
                        list.Add(m);
                    }
                }

                found[c] = [.. list];
            }
        });
        return [.. found.SelectMany(f => f)];
    }

    private static long[] Payoffs(long[] states, PayoffSource source, string dmName)
    {
        var payoffs = new long[states.Length];
        switch (source)
        {
            case PayoffSource.Statements st:
                if (st.Holds.Count > 62)
                {
                    throw new ArgumentException($"decision maker '{dmName}' has {st.Holds.Count} preference statements; at most 62 are supported");
                }

                Parallel.For(0, states.Length, i =>
                {
                    long p = 0;
                    var count = st.Holds.Count;
                    for (var k = 0; k < count; k++)
                    {
                        if (st.Holds[k](states[i]))
                        {
                            p += 1L << (count - k - 1);
                        }
                    }

                    payoffs[i] = p;
                });
                break;
            case PayoffSource.RankingMasks rm:
                for (var t = 0; t < rm.Tiers.Count; t++)
                {
                    foreach (var mask in rm.Tiers[t])
                    {
                        var i = Array.BinarySearch(states, mask);
                        if (i >= 0)
                        {
                            payoffs[i] = rm.Tiers.Count - t;
                        }
                    }
                }

                break;
            case PayoffSource.RankingIds ri:
                for (var t = 0; t < ri.Tiers.Count; t++)
                {
                    foreach (var id in ri.Tiers[t])
                    {
                        if (id < 1 || id > states.Length)
                        {
                            throw new ArgumentException($"ranking of '{dmName}' names state {id}, but there are {states.Length} feasible states");
                        }

                        payoffs[id - 1] = ri.Tiers.Count - t;
                    }
                }

                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(source));
        }

        return payoffs;
    }
}
