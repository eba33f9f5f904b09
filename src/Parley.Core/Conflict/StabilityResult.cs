namespace Parley.Conflict;

/// <summary>
/// Stability of every state for every player under each concept. <see cref="Stable"/>[c][p][s] is
/// true when state s is stable for player p under concept c; an equilibrium is stable for all players.
/// </summary>
internal sealed record StabilityResult(
    ConflictModel Model,
    Player[] Players,
    SanctionMode Mode,
    IReadOnlyList<StabilityConcept> Concepts,
    bool[][][] Stable)
{
    /// <summary>Equilibria (state indices, ascending) under concept number <paramref name="c"/>.</summary>
    public int[] Equilibria(int c)
    {
        var stable = Stable[c];
        return [.. Enumerable.Range(0, Model.StateCount).Where(s => stable.All(p => p[s]))];
    }

    /// <summary>States (indices) stable for player <paramref name="p"/> under concept number <paramref name="c"/>.</summary>
    public int[] StableFor(int c, int p) => [.. Enumerable.Range(0, Model.StateCount).Where(s => Stable[c][p][s])];
}
