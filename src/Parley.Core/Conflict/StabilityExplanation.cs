namespace Parley.Conflict;

/// <summary>Why a state is or is not stable for a player under a concept.</summary>
internal sealed record StabilityExplanation(
    int Player,
    int State,
    StabilityConcept Concept,
    bool Stable,
    IReadOnlyList<ImprovementCheck> Improvements,
    int? Anticipated = null);
