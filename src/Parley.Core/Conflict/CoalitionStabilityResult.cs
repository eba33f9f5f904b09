namespace Parley.Conflict;

/// <summary>Coalition equilibria: states stable for every coalition (listed as DM index sets) under each concept (indices ascending).</summary>
internal sealed record CoalitionStabilityResult(IReadOnlyList<int[]> Coalitions, IReadOnlyList<StabilityConcept> Concepts, IReadOnlyList<int[]> Equilibria);
