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
}
