namespace Parley.Forecast;

/// <summary>The baseline run, its leave-one-actor-out variants and its seeded stochastic variants.</summary>
internal sealed record RobustnessReport(
    ForecastResult Baseline,
    ForecastOutcome BaselineOutcome,
    IReadOnlyList<RobustnessVariant> LeaveOneOut,
    IReadOnlyList<RobustnessVariant> Seeds,
    double ShiftThreshold)
{
    /// <summary>Per dimension, the (min, max) of the outcome across every variant and the baseline.</summary>
    public (double Min, double Max)[] Spread(IEnumerable<RobustnessVariant> variants)
    {
        var all = variants.Select(v => v.Outcome.Outcome).Append(BaselineOutcome.Outcome).ToList();
        return Enumerable.Range(0, BaselineOutcome.Outcome.Length).Select(d => (all.Min(o => o[d]), all.Max(o => o[d]))).ToArray();
    }
}
