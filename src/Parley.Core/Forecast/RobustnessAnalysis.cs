namespace Parley.Forecast;

/// <summary>
/// Runs the SMP on every leave-one-actor-out subset and on <c>runs</c> seeds with stochastic transitions, in parallel,
/// and compares each outcome with the baseline over the same actors. Deterministic: run n of the seeded set uses
/// seed <c>Derive(seed, n)</c>, whatever the thread count.
/// </summary>
internal static class RobustnessAnalysis
{
    public static RobustnessReport Run(ForecastInput input, SmpOptions options, int runs, double shiftThreshold = 10, CancellationToken cancel = default)
    {
        var single = options with { MaxDegreeOfParallelism = 1 };
        var baseline = SmpModel.Run(input, options, cancel);
        var baselineOutcome = ForecastOutcome.Of(baseline);

        var subsets = input.Actors.Count > 2 ? input.Actors.Count : 0;
        var drops = new ForecastResult[subsets];
        var seeded = new ForecastResult[Math.Max(0, runs)];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.MaxDegreeOfParallelism), CancellationToken = cancel };
        Parallel.For(0, subsets + seeded.Length, parallel, n =>
        {
            if (n < subsets)
            {
                drops[n] = SmpModel.Run(input.Without(n), single, cancel);
            }
            else
            {
                var index = (ulong)(n - subsets);
                seeded[n - subsets] = SmpModel.Run(input, single with
                {
                    StateTransitions = StateTransitions.Stochastic,
                    Seed = SplitMix64.Derive(options.Seed, index).NextULong(),
                }, cancel);
            }
        });

        var leaveOneOut = drops.Select((r, n) =>
        {
            var kept = r.Input.Actors.Select(a => a.Name).ToHashSet(StringComparer.Ordinal);
            return Compare($"without {input.Actors[n].Name}", input.Actors[n].Name, null, r, ForecastOutcome.Of(baseline, kept), shiftThreshold);
        }).ToList();
        var seeds = seeded.Select((r, n) => Compare($"seed #{n}", null, r.Options.Seed, r, baselineOutcome, shiftThreshold)).ToList();
        return new RobustnessReport(baseline, baselineOutcome, leaveOneOut, seeds, shiftThreshold);
    }

    private static RobustnessVariant Compare(string label, string? dropped, ulong? seed, ForecastResult result, ForecastOutcome reference, double threshold)
    {
        var outcome = ForecastOutcome.Of(result);
        var shift = outcome.Outcome.Select((x, d) => Math.Abs(x - reference.Outcome[d])).DefaultIfEmpty(0).Max();
        var qualitative = outcome.Converged != reference.Converged || shift >= threshold;
        return new RobustnessVariant(label, dropped, seed, outcome, reference, shift, qualitative);
    }
}
