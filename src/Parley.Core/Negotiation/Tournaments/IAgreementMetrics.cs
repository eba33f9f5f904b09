namespace Parley.Negotiation.Tournaments;

/// <summary>
/// Reference points of a domain for efficiency metrics. The bargaining lens computes them (exact Pareto
/// frontier, Nash solution); this interface keeps the tournament independent of how.
/// </summary>
internal interface IAgreementMetrics
{
    /// <summary>Euclidean distance in utility space from a utility vector to the nearest Pareto-frontier point, or null when unknown.</summary>
    double? DistanceToPareto(IReadOnlyList<double> utilities);

    /// <summary>Euclidean distance to the Nash solution's utilities, or null when there is none (no agreement zone) or it is unknown.</summary>
    double? DistanceToNash(IReadOnlyList<double> utilities);
}
