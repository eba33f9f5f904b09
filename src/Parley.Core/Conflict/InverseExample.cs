namespace Parley.Conflict;

/// <summary>One ranking profile found by inverse GMCR: its 0-based index in profile order, the varied DMs' rankings (tiers of state indices, best first) and the concepts under which the state is an equilibrium.</summary>
internal sealed record InverseExample(long Profile, IReadOnlyDictionary<int, IReadOnlyList<IReadOnlyList<int>>> Rankings, IReadOnlyList<StabilityConcept> Concepts);
