using System.Text.Json;
using Parley.Tests;

namespace Parley.Cli.Tests.Commands;

public sealed class StabilityCommandTests
{
    private static string Fixture(string name) => Path.Combine(TestPaths.RepoRoot, "tests", "Parley.Core.Tests", "Conflict", "Fixtures", name + ".yaml");

    [Fact]
    public void Stability_Json_ListsStatesWithCodesAndEquilibriaPerConcept()
    {
        var (code, stdout, stderr) = CliRunner.Run("stability", Fixture("elmira"), "--format", "json");

        Assert.True(code == 0, stderr);
        using var json = JsonDocument.Parse(stdout);
        var states = json.RootElement.GetProperty("states");
        Assert.Equal(12, states.GetArrayLength());
        Assert.Equal(1, states[0].GetProperty("id").GetInt32());
        Assert.Equal("NYNNN", states[0].GetProperty("code").GetString());
        var eq = json.RootElement.GetProperty("equilibria");
        Assert.Equal([5, 6, 7, 10, 11, 12], eq.GetProperty("nash").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal([1, 4, 5, 6, 7, 10, 11, 12], eq.GetProperty("gmr").EnumerateArray().Select(e => e.GetInt32()));
        foreach (var key in new[] { "smr", "seq", "sim", "seqsim" })
        {
            Assert.True(eq.TryGetProperty(key, out _), key);
        }
    }

    [Fact]
    public void Stability_FromStatusQuoWithCoalition_ShowsPathOneSevenTen()
    {
        var (code, stdout, stderr) = CliRunner.Run("stability", Fixture("elmira"), "--from", "sq", "--coalition", "MoE+UR", "-c", "nash", "-f", "json");

        Assert.True(code == 0, stderr);
        using var json = JsonDocument.Parse(stdout);
        var sq = json.RootElement.GetProperty("statusQuo");
        Assert.Equal([10], sq.GetProperty("final").EnumerateArray().Select(e => e.GetInt32()));
        var path = sq.GetProperty("paths").EnumerateArray().Single(p => p.GetProperty("to").GetInt32() == 10).GetProperty("moves");
        Assert.Equal(["LG", "MoE+UR"], path.EnumerateArray().Select(m => m.GetProperty("player").GetString()));
    }

    [Fact]
    public void Stability_Table_ShowsPathFromStatusQuo()
    {
        var (code, stdout, _) = CliRunner.Run("stability", Fixture("elmira"), "--from", "1", "-c", "nash");

        Assert.Equal(0, code);
        Assert.Contains("1 →(LG) 7", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Stability_Explain_NamesImprovementAndSanctionInWordsAndJson()
    {
        var (code, stdout, stderr) = CliRunner.Run("stability", Fixture("elmira"), "--explain", "LG:1", "-c", "gmr,seq", "-f", "json");

        Assert.True(code == 0, stderr);
        using var json = JsonDocument.Parse(stdout);
        var gmr = json.RootElement.GetProperty("explanations")[0];
        Assert.True(gmr.GetProperty("stable").GetBoolean());
        var improvement = gmr.GetProperty("improvements")[0];
        Assert.Equal(7, improvement.GetProperty("to").GetInt32());
        Assert.Equal("MoE", improvement.GetProperty("sanction")[0].GetProperty("player").GetString());
        Assert.Contains("deterred", gmr.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.False(json.RootElement.GetProperty("explanations")[1].GetProperty("stable").GetBoolean());
    }

    [Fact]
    public void Stability_Dot_DrawsStatesAndImprovements()
    {
        var (code, stdout, _) = CliRunner.Run("stability", Fixture("prisoners"), "-f", "dot");

        Assert.Equal(0, code);
        Assert.StartsWith("digraph conflict {", stdout, StringComparison.Ordinal);
        Assert.Contains("s1 [label=\"1\\nNN\", peripheries=2];", stdout, StringComparison.Ordinal);
        Assert.Contains("s4 -> s3 [label=\"P1\"];", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Stability_Inverse_CountsRankings()
    {
        var (code, stdout, stderr) = CliRunner.Run("stability", Fixture("syria-iraq"), "--inverse", "2", "--vary", "Syria", "-c", "nash", "-f", "json");

        Assert.True(code == 0, stderr);
        using var json = JsonDocument.Parse(stdout);
        var inverse = json.RootElement.GetProperty("inverse");
        Assert.Equal(720, inverse.GetProperty("profiles").GetInt32());
        Assert.Equal(240, inverse.GetProperty("counts").GetProperty("nash").GetInt32());
    }

    [Theory]
    [InlineData("standard", 384)]
    [InlineData("gmcr-py", 420)]
    public void Stability_InverseRule_ReportsRuleAndCounts(string rule, int seq)
    {
        var (code, stdout, stderr) = CliRunner.Run("stability", Fixture("syria-iraq"), "--inverse", "2", "--vary", "Syria", "--inverse-rule", rule, "-c", "nash", "-f", "json");

        Assert.True(code == 0, stderr);
        using var json = JsonDocument.Parse(stdout);
        var inverse = json.RootElement.GetProperty("inverse");
        Assert.Equal(rule, inverse.GetProperty("rule").GetString());
        Assert.Equal(seq, inverse.GetProperty("counts").GetProperty("seq").GetInt32());
        Assert.Equal(300, inverse.GetProperty("counts").GetProperty("smr").GetInt32());
    }

    [Fact]
    public void Stability_InverseRuleWithoutInverse_IsUsageError()
    {
        var (code, _, stderr) = CliRunner.Run("stability", Fixture("syria-iraq"), "--inverse-rule", "gmcr-py");

        Assert.Equal(2, code);
        Assert.Contains("--inverse-rule applies only with --inverse", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Stability_Flagship_Analyses()
    {
        var (code, stdout, stderr) = CliRunner.Run("stability", TestPaths.Example("ukraine-talks-2025.yaml"), "--from", "sq", "-f", "json");

        Assert.True(code == 0, stderr);
        using var json = JsonDocument.Parse(stdout);
        Assert.True(json.RootElement.GetProperty("stateCount").GetInt32() > 0);
    }

    [Theory]
    [InlineData("-c", "nash,bogus", "unknown concept 'bogus'")]
    [InlineData("--coalition", "MoE+XX", "unknown decision maker 'XX'")]
    [InlineData("--from", "99", "'99' is not a feasible state")]
    [InlineData("--explain", "LG", "expected DM:STATE")]
    [InlineData("--list", "-1", "--list must be 0 or more")]
    [InlineData("--vary", "MoE", "--vary and --list apply only with --inverse")]
    public void Stability_BadArguments_ExitTwoWithMessage(string option, string value, string message)
    {
        var (code, _, stderr) = CliRunner.Run("stability", Fixture("elmira"), option, value);

        Assert.Equal(2, code);
        Assert.Contains(message, stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Stability_ScenarioWithoutConflict_ExitTwo()
    {
        var path = Path.Combine(Path.GetTempPath(), $"parley-noconflict-{Environment.ProcessId}.yaml");
        File.WriteAllText(path, "parley: 1\nid: x\nparties:\n  - {id: A}\n");
        try
        {
            var (code, _, stderr) = CliRunner.Run("stability", path);

            Assert.Equal(2, code);
            Assert.Contains("no 'conflict:' section", stderr, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [SharedDataFact]
    public void Stability_GmcrFile_OnceEachMatchesGmcrPy()
    {
        var file = Path.Combine(TestPaths.SharedData!, "gmcr", "gmcr-py", "Examples", "Elmira.gmcr");

        var (code, stdout, stderr) = CliRunner.Run("stability", file, "--sanctions", "once-each", "-f", "json");

        Assert.True(code == 0, stderr);
        using var json = JsonDocument.Parse(stdout);
        Assert.Equal([5, 6, 7, 10, 11, 12], json.RootElement.GetProperty("equilibria").GetProperty("seq").EnumerateArray().Select(e => e.GetInt32()));
    }
}
