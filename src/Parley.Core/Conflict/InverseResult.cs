namespace Parley.Conflict;

/// <summary>Inverse GMCR outcome: of <see cref="Profiles"/> ranking profiles, how many make <see cref="State"/> an equilibrium under each concept, decided by <see cref="Rule"/>.</summary>
internal sealed record InverseResult(int State, long Profiles, InverseRule Rule, IReadOnlyDictionary<StabilityConcept, long> Counts, IReadOnlyList<InverseExample> Examples);
