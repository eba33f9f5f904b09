namespace Parley.Negotiation.Simulation;

/// <summary>Quantiles of the agreement time in days since the start (and as dates).</summary>
/// <param name="MeanDays">Mean day.</param>
/// <param name="P10">10th percentile day.</param>
/// <param name="Median">Median day.</param>
/// <param name="P90">90th percentile day.</param>
/// <param name="MedianDate">The median as a date.</param>
public sealed record TimeToAgreement(double MeanDays, int P10, int Median, int P90, DateOnly MedianDate);
