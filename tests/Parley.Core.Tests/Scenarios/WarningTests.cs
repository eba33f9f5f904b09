using Parley.Model;
using Parley.Scenarios;
using Parley.Tests;

namespace Parley.Core.Tests.Scenarios;

/// <summary>Warnings point at a place but do not stop a scenario from loading.</summary>
public sealed class WarningTests
{
    [Fact]
    public void Load_RankingMissingAndInfeasibleStates_Warns()
    {
        const string Text = "parley: 1\nid: w\nparties: [{id: A}, {id: B}]\nconflict:\n  decision_makers:\n"
            + "    - {id: A, options: [a], ranking: [YN, [NN, YY]]}\n"
            + "    - {id: B, options: [b], preferences: [b]}\n"
            + "  infeasible: [\"a and b\"]\n";

        var result = ScenarioLoader.Load(Text, "w.yaml");

        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        Assert.Equal(
            ["w.yaml:6:7: warning: ranking of 'A' leaves out 1 feasible state (NY); it ranks below every listed state",
             "w.yaml:6:7: warning: ranking of 'A' lists infeasible state YY; it is ignored"],
            result.Diagnostics.Select(d => d.ToString()));
    }

    [Theory]
    [InlineData("ukraine-talks-2025.yaml")]
    [InlineData("job-offer.yaml")]
    [InlineData("prisoners-dilemma.yaml")]
    public void Load_Examples_HaveNoDiagnosticsAtAll(string name)
    {
        var result = ScenarioLoader.Load(File.ReadAllBytes(TestPaths.Example(name)), name);

        Assert.True(result.Success);
        Assert.Empty(result.Diagnostics);
    }
}
