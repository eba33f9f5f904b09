using Parley.Model;
using Parley.Scenarios;
using Parley.Tests;

namespace Parley.Core.Tests.Scenarios;

public sealed class ScenarioLoaderTests
{
    [Fact]
    public void Load_Flagship_ReadsEveryPartyIssueAndRedLine()
    {
        var result = ScenarioLoader.Load(File.ReadAllBytes(TestPaths.Example("ukraine-talks-2025.yaml")), "flagship.yaml");

        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        var s = result.Scenario!;
        Assert.Equal(["RU", "UA", "US", "EU", "NATO"], s.Parties.Select(p => p.Id));
        Assert.Equal(9216, s.PackageCount);
        Assert.Equal(55, s.PreferencesOf("RU")!.Reservation);
        Assert.Equal(["UA-no-withdrawal", "UA-real-guarantees", "UA-not-moscow"], s.PreferencesOf("UA")!.RedLines.Select(r => r.Id));
        Assert.Equal("S5", s.Process!.MediatorEntersAt);
    }

    [Fact]
    public void Utility_FlagshipCheckPackage_MatchesBrief()
    {
        var s = ScenarioLoader.Load(File.ReadAllBytes(TestPaths.Example("ukraine-talks-2025.yaml")), "flagship.yaml").Scenario!;
        // C1|T4|G3|S3|Q3|V3 (option indices 0,3,3,3,2,2): RU 65.5, UA 50.0 per BRIEF.md.
        int[] package = [0, 3, 3, 3, 2, 2];

        Assert.Equal(65.5, s.PreferencesOf("RU")!.Utility(package), 9);
        Assert.Equal(50.0, s.PreferencesOf("UA")!.Utility(package), 9);
    }

    [Fact]
    public void Write_ThenLoad_GivesEqualScenario()
    {
        var s = ScenarioLoader.Load(File.ReadAllBytes(TestPaths.Example("ukraine-talks-2025.yaml")), "flagship.yaml").Scenario!;

        var again = ScenarioLoader.Load(ScenarioWriter.Write(s), "written.yaml");

        Assert.True(again.Success, string.Join("\n", again.Diagnostics));
        Assert.Equal(s, again.Scenario);
    }

    [Fact]
    public void Write_SimulationAndForecastNumbers_StayPlain()
    {
        var s = ScenarioLoader.Load("""
            parley: 1
            id: t
            parties:
              - {id: A, name: A}
              - {id: B, name: B}
            simulation:
              horizon_days: 90
              defaults: {rounds: 7, success: 0.5}
              strategies: {A: {type: time, e: "0.5"}}
            forecast:
              dimensions: [{id: x}]
              actors:
                - {id: A, capability: 100, position: {x: 10}, salience: {x: 50}}
                - {id: B, capability: 2.5, position: {x: 90}, salience: {x: 50}}
            """, "s.yaml").Scenario!;

        var text = ScenarioWriter.Write(s);

        Assert.Contains("horizon_days: 90\n", text, StringComparison.Ordinal);
        Assert.Contains("{rounds: 7, success: 0.5}", text, StringComparison.Ordinal);
        Assert.Contains("capability: 100\n", text, StringComparison.Ordinal);
        Assert.Contains("capability: 2.5\n", text, StringComparison.Ordinal);
        Assert.Contains("e: \"0.5\"", text, StringComparison.Ordinal); // quoted in the file, so kept as text
    }
}
