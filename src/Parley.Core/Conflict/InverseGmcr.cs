namespace Parley.Conflict;

/// <summary>
/// Inverse GMCR (Kinsara, Kilgour and Hipel 2015; gmcr-py's inverse solver): which rankings make a chosen
/// state an equilibrium? Each varied decision maker's ranking (its states grouped into tiers of equal
/// payoff, best first) is permuted within a window of positions, tiers moving as units; every combination
/// of permutations is a profile, checked under Nash, GMR, SMR and SEQ with individual players.
/// Profiles are independent, so they are checked in parallel; results are reported in profile order
/// (profile index = the first window's permutation rank + its count × the second's rank + …).
/// <see cref="InverseRule.GmcrPy"/> swaps the per-DM check for gmcr-py's (<see cref="GmcrPyInverse"/>).
/// </summary>
internal static class InverseGmcr
{
    /// <summary>Refuse more profiles than this (a window of 10 positions already gives 3.6 million).</summary>
    public const long MaxProfiles = 5_000_000;

    public static IReadOnlyList<StabilityConcept> Concepts { get; } = [StabilityConcept.Nash, StabilityConcept.Seq, StabilityConcept.Gmr, StabilityConcept.Smr];

    /// <summary>A DM's ranking as tiers of state indices, best first (equal payoffs tie).</summary>
    public static List<int[]> Ranking(ConflictModel model, int dm) =>
        [.. Enumerable.Range(0, model.StateCount).GroupBy(s => model.Payoff(dm, s)).OrderByDescending(g => g.Key).Select(g => g.Order().ToArray())];

    public static InverseResult Run(ConflictModel model, int state, IReadOnlyList<InverseWindow> windows, SanctionMode mode, int listLimit, InverseRule rule = InverseRule.Standard)
    {
        var players = Player.Individuals(model);
        var bases = windows.Select(w => Ranking(model, w.Dm)).ToList();
        var spans = windows.Select((w, i) =>
        {
            var from = Math.Clamp(w.From, 1, bases[i].Count) - 1;
            var to = Math.Clamp(w.To, 1, bases[i].Count);
            return (From: from, Length: to - from);
        }).ToList();
        if (windows.Select(w => w.Dm).Distinct().Count() != windows.Count)
        {
            throw new ArgumentException("vary each decision maker once");
        }

        var radix = spans.Select(s => Factorial(s.Length)).ToArray();
        long profiles = 1;
        foreach (var r in radix)
        {
            profiles = r > MaxProfiles || profiles * r > MaxProfiles
                ? throw new ArgumentException($"more than {MaxProfiles:N0} ranking profiles; narrow the --vary windows")
                : profiles * r;
        }

        var hits = new bool[profiles][];
        Parallel.For(0, profiles, index =>
        {
            var (varied, rankings) = Profile(model, bases, spans, radix, windows, index);
            var checker = new StateChecker(varied, players, mode);
            hits[index] = [.. Concepts.Select(c => Enumerable.Range(0, players.Length).All(p => rule == InverseRule.GmcrPy
                ? GmcrPyInverse.IsStable(varied, players, p, state, c.Kind)
                : checker.IsStable(p, state, c)))];
            _ = rankings;
        });
        var counts = Concepts.Select((c, i) => (c, (long)hits.Count(h => h[i]))).ToDictionary(x => x.c, x => x.Item2);
        var examples = new List<InverseExample>();
        for (long index = 0; index < profiles && examples.Count < listLimit; index++)
        {
            if (hits[index].Any(h => h))
            {
                var (_, rankings) = Profile(model, bases, spans, radix, windows, index);
                examples.Add(new InverseExample(index, rankings, [.. Concepts.Where((_, i) => hits[index][i])]));
            }
        }

        return new InverseResult(state, profiles, rule, counts, examples);
    }

    private static (ConflictModel Model, Dictionary<int, IReadOnlyList<IReadOnlyList<int>>> Rankings) Profile(
        ConflictModel model, List<List<int[]>> bases, List<(int From, int Length)> spans, long[] radix, IReadOnlyList<InverseWindow> windows, long index)
    {
        var varied = model;
        var rankings = new Dictionary<int, IReadOnlyList<IReadOnlyList<int>>>();
        for (var w = 0; w < windows.Count; w++)
        {
            var digit = index % radix[w];
            index /= radix[w];
            var tiers = bases[w].ToList();
            var (from, length) = spans[w];
            var window = Permutation(tiers.GetRange(from, length), digit);
            for (var k = 0; k < length; k++)
            {
                tiers[from + k] = window[k];
            }

            var payoffs = new long[model.StateCount];
            for (var t = 0; t < tiers.Count; t++)
            {
                foreach (var s in tiers[t])
                {
                    payoffs[s] = tiers.Count - t;
                }
            }

            varied = varied.WithPayoffs(windows[w].Dm, payoffs);
            rankings[windows[w].Dm] = tiers;
        }

        return (varied, rankings);
    }

    /// <summary>The <paramref name="rank"/>-th permutation of <paramref name="items"/> in lexicographic order of positions.</summary>
    private static List<int[]> Permutation(List<int[]> items, long rank)
    {
        var pool = items.ToList();
        var result = new List<int[]>(items.Count);
        for (var n = items.Count; n > 0; n--)
        {
            var f = Factorial(n - 1);
            var pick = (int)(rank / f);
            rank %= f;
            result.Add(pool[pick]);
            pool.RemoveAt(pick);
        }

        return result;
    }

    private static long Factorial(int n)
    {
        long f = 1;
        for (var k = 2; k <= n; k++)
        {
            f = f > long.MaxValue / k ? long.MaxValue : f * k;
        }

        return f;
    }
}
