using Parley.Model;

namespace Parley.Negotiation.Simulation;

/// <summary>A point of the curves against the calendar: P(agreement by date) and each stage's P(opened by date).</summary>
/// <param name="Date">The date.</param>
/// <param name="Agreement">P(agreement by the end of that date) with its interval.</param>
/// <param name="Opened">Per stage, in the order of <see cref="ForecastReport.Stages"/>: P(it opened by the end of that date).</param>
public sealed record CurvePoint(DateOnly Date, Proportion Agreement, ValueList<Proportion> Opened);
