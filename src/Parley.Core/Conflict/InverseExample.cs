namespace Parley.Conflict;

/// <summary>One ranking profile found by inverse GMCR: the varied DMs' rankings (tiers of state indices, best first) and the concepts under which the state is an equilibrium.</summary>
internal sealed record InverseExample(IReadOnlyDictionary<int, IReadOnlyList<IReadOnlyList<int>>> Rankings, IReadOnlyList<StabilityConcept> Concepts);
