namespace Parley.Forecast;

/// <summary>
/// One perturbed run compared with the baseline: which actor was dropped (leave-one-out) or which seed drove the
/// stochastic transitions; its outcome; the baseline's outcome over the same actors; the largest shift on any
/// dimension; and whether the change is qualitative (convergence flips, or a shift of at least the threshold).
/// </summary>
internal sealed record RobustnessVariant(string Label, string? Dropped, ulong? Seed, ForecastOutcome Outcome, ForecastOutcome Reference, double Shift, bool Qualitative);
