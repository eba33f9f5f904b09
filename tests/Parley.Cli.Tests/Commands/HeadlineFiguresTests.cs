using System.Text.Json;
using Parley.Bargaining;
using Parley.Scenarios;
using Parley.Tests;

namespace Parley.Cli.Tests.Commands;

/// <summary>The flagship's headline figures as the docs print them (docs/bargaining.md, docs/cli.md): a change that moves one fails here.</summary>
public sealed class HeadlineFiguresTests
{
    private static readonly Lazy<Model.Scenario> Flagship = new(() =>
        ScenarioLoader.LoadOrThrow(File.ReadAllBytes(TestPaths.Example("ukraine-talks-2025.yaml")), "ukraine-talks-2025.yaml"));

    [Fact]
    public void Bargaining_TheOnlyMinimalConflict_AndTheSingleDropZones()
    {
        var result = BargainingSolver.Solve(Flagship.Value, new BargainingOptions { Parties = ["RU", "UA", "US", "EU"] });
        Assert.Equal(9216, result.Outcomes);
        Assert.Equal(0, result.Admissible);
        Assert.Equal(0, result.AgreementZone);
        var diagnosis = result.Diagnosis!;
        var conflict = Assert.Single(diagnosis.Conflicts);
        Assert.Equal(["RU-donbas", "UA-no-withdrawal"], conflict);
        Assert.True(diagnosis.RedLinesAloneIncompatible);
        Assert.Empty(diagnosis.ReservationCuts);

        // | drop | zone | Nash package | RU | UA | US | EU |
        var singles = diagnosis.Relaxations.Where(r => r.Drop.Count == 1).ToDictionary(r => r.Drop[0]);
        Assert.Equal(["RU-donbas", "UA-no-withdrawal"], singles.Keys.Order(StringComparer.Ordinal));
        AssertRow(singles["RU-donbas"], 7, "C3|T2|G2|S3|Q3|V3", [56, 52, 71.5, 47.5]);
        AssertRow(singles["UA-no-withdrawal"], 131, "C2|T3|G3|S3|Q3|V3", [59.75, 50.5, 67.5, 54.5]);
    }

    private static void AssertRow(Relaxation r, long zone, string nash, double[] utilities)
    {
        Assert.Equal(zone, r.AgreementZone);
        Assert.Equal(nash, r.Nash!.Label);
        Assert.Equal(utilities, r.Nash.Parties.Select(p => Math.Round(p.Utility, 9)));
    }

    [Fact]
    public void Stability_FlagshipCountsPerConcept()
    {
        var (code, stdout, stderr) = CliRunner.Run("stability", TestPaths.Example("ukraine-talks-2025.yaml"), "--format", "json");
        Assert.True(code == 0, stderr);
        using var json = JsonDocument.Parse(stdout);
        Assert.Equal(80, json.RootElement.GetProperty("stateCount").GetInt32());
        var eq = json.RootElement.GetProperty("equilibria");
        int[] Of(string concept) => [.. eq.GetProperty(concept).EnumerateArray().Select(e => e.GetInt32())];

        // docs/cli.md: Nash 3, GMR 15, SMR 15, SEQ 13, SIM 10, SEQ∧SIM 13 equilibria among 80 states.
        Assert.Equal([17, 45, 57], Of("nash"));
        Assert.Equal(15, Of("gmr").Length);
        Assert.Equal(Of("gmr"), Of("smr"));
        Assert.Equal(13, Of("seq").Length);
        Assert.Equal([11, 15, 17, 31, 32, 35, 36, 40, 45, 57], Of("sim"));
        Assert.Equal(Of("seq"), Of("seqsim"));
    }

    [Fact]
    public void Briefing_SummaryLines_AsDocsCliPrintsThem()
    {
        var dir = Directory.CreateTempSubdirectory("parley-headlines-").FullName;
        var (code, stdout, stderr) = CliRunner.Run("report", TestPaths.Example("ukraine-talks-2025.yaml"), "--format", "json", "-o", Path.Combine(dir, "b.html"));
        Assert.True(code == 0, stderr);
        using var json = JsonDocument.Parse(stdout);
        var lines = json.RootElement.GetProperty("sections").EnumerateArray()
            .ToDictionary(s => s.GetProperty("id").GetString()!, s => s.GetProperty("headlines").EnumerateArray().Select(h => h.GetString()!).ToList());

        // docs/cli.md, `parley report examples/ukraine-talks-2025.yaml` (--runs 1000 --seed 1 --by 2025-09-01).
        Assert.Equal(["5 parties (mediator US), 6 issues, 9,216 packages, 8 stages (6 pending, 1 open, 1 done), 2 deadlines"], lines["situation"]);
        Assert.Equal("Nash 3, GMR 15, SMR 15, SEQ 13, SIM 10, SEQ∧SIM 13 equilibria among 80 states", lines["stability"][0]);
        Assert.Equal("from the status quo 1 NNNNNNN improvements lead to 45 NNYNNNY", lines["stability"][1]);
        Assert.Equal("zone empty: no package of 9,216 is acceptable to all of RU, UA, US, EU", lines["agreement"][0]);
        Assert.Equal("dropping one red line reopens it only for RU-donbas or UA-no-withdrawal", lines["agreement"][1]);
        Assert.Equal("P(agreement by 2025-09-01) 0.0% [0.0%, 0.4%]", lines["outlook"][0]);
        Assert.Equal("P(S4 opened by 2025-09-01) 34.8% [31.9%, 37.8%]", lines["outlook"][1]);
        Assert.Equal("moves it most: meeting-arrangement delays (swing 83.0%)", lines["outlook"][2]);
    }
}
