namespace Parley.Conflict;

/// <summary>
/// Coalition stability after Inohara and Hipel (2008), "Coalition analysis in the graph model for conflict
/// resolution", Systems Engineering 11(4), building on Kilgour, Hipel, Fang and Peng (2001). For a coalition
/// H ⊆ N, R_H(s) holds the states its members reach by legal sequences of their unilateral moves, and a
/// coalitional improvement is a state of R_H(s) that every member of H strictly prefers to s. s is
/// <list type="bullet">
/// <item>CNash-stable for H when H has no coalitional improvement from s;</item>
/// <item>CGMR-stable for H when every coalitional improvement s1 can be answered by N−H with some
/// s2 ∈ R_{N−H}(s1) that at least one member of H likes no better than s;</item>
/// <item>CSEQ-stable likewise with s2 ∈ R+_{N−H}(s1) (the other DMs move only by their own improvements).</item>
/// </list>
/// A coalition equilibrium is stable for every coalition (singletons included, so it is also an individual
/// equilibrium). Explicit search over 2^n − 1 coalitions: for conflicts up to <see cref="MaxStates"/> states
/// and <see cref="MaxDms"/> decision makers.
/// </summary>
internal static class CoalitionStability
{
    public const int MaxStates = 4096;
    public const int MaxDms = 8;

    public static IReadOnlyList<StabilityConcept> Concepts { get; } = [StabilityConcept.Nash, StabilityConcept.Gmr, StabilityConcept.Seq];

    public static CoalitionStabilityResult Analyze(ConflictModel model, SanctionMode mode)
    {
        var n = model.DecisionMakers.Count;
        if (model.StateCount > MaxStates || n > MaxDms)
        {
            throw new ArgumentException($"coalition stability searches every coalition explicitly: at most {MaxStates:N0} states and {MaxDms} decision makers (this conflict: {model.StateCount:N0} states, {n} DMs)");
        }

        var players = Player.Individuals(model);
        var coalitions = Enumerable.Range(1, (1 << n) - 1)
            .Select(bits => Enumerable.Range(0, n).Where(d => (bits & (1 << d)) != 0).ToArray())
            .OrderBy(c => c.Length).ThenBy(c => string.Join(",", c.Select(d => d.ToString("D2", System.Globalization.CultureInfo.InvariantCulture))), StringComparer.Ordinal)
            .ToList();
        var stable = Concepts.Select(_ => new bool[model.StateCount]).ToArray();
        Parallel.For(0, model.StateCount, s =>
        {
            for (var c = 0; c < Concepts.Count; c++)
            {
                stable[c][s] = coalitions.All(h => IsStable(model, players, mode, h, s, Concepts[c].Kind));
            }
        });
        return new CoalitionStabilityResult(coalitions, Concepts, [.. stable.Select(st => Enumerable.Range(0, model.StateCount).Where(s => st[s]).ToArray())]);
    }

    /// <summary>Whether state <paramref name="s"/> is stable for coalition <paramref name="h"/> (DM indices) under CNash, CGMR or CSEQ.</summary>
    public static bool IsStable(ConflictModel model, Player[] players, SanctionMode mode, int[] h, int s, ConceptKind kind)
    {
        var others = Enumerable.Range(0, players.Length).Where(d => !h.Contains(d)).ToArray();
        foreach (var s1 in ReachSearch.All(model, players, h, s, improvingOnly: false, SanctionMode.Full).Order())
        {
            if (!h.All(m => model.Payoff(m, s1) > model.Payoff(m, s)))
            {
                continue;
            }

            if (kind == ConceptKind.Nash)
            {
                return false;
            }

            var sanction = ReachSearch.Find(model, players, others, s1, kind == ConceptKind.Seq, mode, s2 => h.Any(m => model.Payoff(m, s2) <= model.Payoff(m, s)));
            if (sanction is null)
            {
                return false;
            }
        }

        return true;
    }
}
