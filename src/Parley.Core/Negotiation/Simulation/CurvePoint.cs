namespace Parley.Negotiation.Simulation;

/// <summary>A point of the P(agreement by date) curve.</summary>
/// <param name="Date">The date.</param>
/// <param name="Agreement">P(agreement by the end of that date) with its interval.</param>
public sealed record CurvePoint(DateOnly Date, Proportion Agreement);
