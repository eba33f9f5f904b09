using Parley.Forecast;

namespace Parley.Tests.Forecast;

public sealed class RobustnessTests
{
    [Fact]
    public void Dropping_NATO_from_the_flagship_is_a_qualitative_change()
    {
        var input = ForecastData.Csv("ukr2025_smp_illustrative.csv");

        var report = RobustnessAnalysis.Run(input, new SmpOptions(), runs: 0);

        var nato = Assert.Single(report.LeaveOneOut, v => v.Dropped == "NATO");
        Assert.False(report.BaselineOutcome.Converged);   // RU stays apart: 2 steps and stop
        Assert.True(nato.Outcome.Converged);               // without NATO the four converge after 21 steps
        Assert.True(nato.Qualitative);
        Assert.Equal(3, report.Baseline.Turns);
        Assert.Equal(22, nato.Outcome.Turns);
    }

    [Fact]
    public void Leave_one_out_run_is_KTABs_run_on_the_smaller_file()
    {
        // The NATO-less subset, formed in memory, must reproduce KTAB's own run on the 4-actor CSV.
        var input = ForecastData.Csv("ukr2025_smp_illustrative.csv");
        var without = input.Without(input.Actors.ToList().FindIndex(a => a.Name == "NATO"));

        var mismatches = KtabParityTests.Compare(without, SmpModel.Run(without), ForecastData.Summary("ukr2025_illustrative_4actors_noNATO.summary.txt"));

        Assert.Empty(mismatches);
    }

    [Fact]
    public void Outcome_is_the_weighted_mean_of_final_positions_and_shift_is_over_the_same_actors()
    {
        var input = ForecastData.Csv("ukr2025_smp_illustrative.csv");
        var report = RobustnessAnalysis.Run(input, new SmpOptions(), runs: 0);
        var nato = report.LeaveOneOut.Single(v => v.Dropped == "NATO");

        // Territory over RU, UA, US, EU at the baseline's final turn (75, 24, 32.8, 25 with weights c·s).
        var final = report.Baseline.Final;
        double[] w = [100 * 35, 55 * 30, 90 * 10, 70 * 20];
        var expected = ((w[0] * final[0][0]) + (w[1] * final[1][0]) + (w[2] * final[2][0]) + (w[3] * final[3][0])) / w.Sum();
        Assert.Equal(expected, nato.Reference.Outcome[0], 10);
        Assert.Equal(nato.Outcome.Outcome.Select((x, d) => Math.Abs(x - nato.Reference.Outcome[d])).Max(), nato.Shift, 12);
    }

    [Fact]
    public void Seeded_runs_show_a_spread()
    {
        var input = ForecastData.Csv("ukr2025_smp_illustrative.csv");

        var report = RobustnessAnalysis.Run(input, new SmpOptions { Seed = 1 }, runs: 8);

        Assert.Equal(8, report.Seeds.Count);
        Assert.Equal(8, report.Seeds.Select(v => v.Seed).Distinct().Count());
        var spread = report.Spread(report.Seeds);
        Assert.Contains(spread, s => s.Max - s.Min > 1);
    }
}
