using Parley.Report.Diff;
using Parley.Scenarios;
using Parley.Tests;

namespace Parley.Cli.Tests.Report;

public sealed class SituationDiffTests
{
    private static readonly string JobOffer = File.ReadAllText(TestPaths.Example("job-offer.yaml"));

    private static Model.Scenario Load(string text) => ScenarioLoader.Load(text, "job.yaml").Scenario!;

    [Fact]
    public void Compare_HandMadePair_NamesTheRedLineThatShrinksTheZoneMost()
    {
        var old = Load(JobOffer);
        // Three changes: a title (moves nothing), a one-point reservation rise (small), a much higher salary floor (large).
        var @new = Load(JobOffer
            .Replace("title: Job offer for a senior analyst", "title: Job offer, second round", StringComparison.Ordinal)
            .Replace("reservation: 45", "reservation: 46", StringComparison.Ordinal)
            .Replace("rule: \"salary >= 70\"", "rule: \"salary >= 80\"", StringComparison.Ordinal));

        var result = SituationDiff.Compare(old, @new, new DiffOptions { Runs = 50 });

        Assert.Equal(["title", "preferences.CAND.reservation", "preferences.CAND.red_lines.cand-min-salary.rule"], result.Changes.Select(c => c.Path));
        var zone = Assert.Single(result.Findings, f => f.Id == "agreement.zone");
        Assert.True(zone.Moved);
        Assert.Equal("preferences.CAND.red_lines.cand-min-salary.rule", zone.MovedMostBy?.Path);
        Assert.Equal(3, zone.MovedMostBy?.Change);
        Assert.DoesNotContain(result.Findings, f => f.MovedMostBy?.Path == "title");
    }

    [Fact]
    public void Compare_SameVersion_MovesNothing()
    {
        var s = Load(JobOffer);

        var result = SituationDiff.Compare(s, s, new DiffOptions { Runs = 20 });

        Assert.Empty(result.Changes);
        Assert.NotEmpty(result.Findings);
        Assert.All(result.Findings, f => Assert.False(f.Moved, f.Id));
    }
}
