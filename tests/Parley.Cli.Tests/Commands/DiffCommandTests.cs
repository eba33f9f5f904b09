using System.Text.Json;
using Parley.Tests;

namespace Parley.Cli.Tests.Commands;

public sealed class DiffCommandTests
{
    private static string Version(string date) => Path.Combine(TestPaths.Examples, "timeline", date + ".yaml");

    [Fact]
    public void Diff_TimelineAug7ToAug18_Json_ListsChangesAndMovedFindingsWithTheirMovers()
    {
        var (code, stdout, stderr) = CliRunner.Run("diff", Version("2025-08-07"), Version("2025-08-18"), "--format", "json", "--runs", "200");

        Assert.True(code == 0, stderr);
        using var json = JsonDocument.Parse(stdout);
        var changes = json.RootElement.GetProperty("changes").EnumerateArray().ToList();
        var byPath = changes.ToDictionary(c => c.GetProperty("path").GetString()!);
        Assert.Equal("open", byPath["process.stages.S1.status"].GetProperty("before").GetString());
        Assert.Equal("done", byPath["process.stages.S1.status"].GetProperty("after").GetString());
        Assert.Equal("added", byPath["process.deadlines.D-two-weeks"].GetProperty("kind").GetString());
        Assert.Equal("added", byPath["preferences.US.red_lines.US-no-ground-troops"].GetProperty("kind").GetString());
        Assert.Equal("added", byPath["conflict.decision_makers.US.options.us_air"].GetProperty("kind").GetString());
        Assert.True(byPath["preferences.NATO"].TryGetProperty("notAlone", out _)); // preferences need the party added with them

        var findings = json.RootElement.GetProperty("findings").EnumerateArray().ToDictionary(f => f.GetProperty("id").GetString()!);
        var gmr = findings["stability.gmr"];
        Assert.True(gmr.GetProperty("moved").GetBoolean());
        Assert.NotEqual(0, gmr.GetProperty("gained").GetArrayLength());
        Assert.Equal("conflict.decision_makers.US.options.us_air", gmr.GetProperty("movedMostBy").GetProperty("path").GetString());
        var focus = findings["outlook.focus"];
        Assert.True(focus.GetProperty("moved").GetBoolean());
        Assert.True(focus.GetProperty("beforeInterval").GetProperty("p").GetDouble() > focus.GetProperty("afterInterval").GetProperty("p").GetDouble());
        Assert.Equal("process.deadlines.D-two-weeks", focus.GetProperty("movedMostBy").GetProperty("path").GetString());
        Assert.Equal("forecast.actors.NATO", findings["forecast.Territory"].GetProperty("movedMostBy").GetProperty("path").GetString());
        Assert.False(findings["agreement.zone"].GetProperty("moved").GetBoolean());
    }

    [Fact]
    public void Diff_TimelineAug18ToAug25_Table_ShowsTheNewRedLineBlocking()
    {
        var (code, stdout, stderr) = CliRunner.Run("diff", Version("2025-08-18"), Version("2025-08-25"), "--runs", "200");

        Assert.True(code == 0, stderr);
        Assert.Contains("What changed in the scenario", stdout, StringComparison.Ordinal);
        Assert.Contains("5 scenario change(s)", stdout, StringComparison.Ordinal);
        Assert.Contains("Findings", stdout, StringComparison.Ordinal);
        var blocking = stdout.Split('\n').SkipWhile(l => !l.Contains("red lines that", StringComparison.Ordinal)).Take(4);
        Assert.Contains(blocking, l => l.Contains('#', StringComparison.Ordinal)); // a mover is named, not "unchanged"
    }

    [Fact]
    public void Diff_FlagshipAgainstItsAug18Version_FindsNoChange()
    {
        var (code, stdout, stderr) = CliRunner.Run("diff", TestPaths.Flagship, Version("2025-08-18"), "--runs", "20", "-f", "json");

        Assert.True(code == 0, stderr);
        using var json = JsonDocument.Parse(stdout);
        Assert.Equal(0, json.RootElement.GetProperty("changes").GetArrayLength());
        Assert.All(json.RootElement.GetProperty("findings").EnumerateArray(), f => Assert.False(f.GetProperty("moved").GetBoolean()));
    }

    [Fact]
    public void Diff_SameSeed_GivesIdenticalJson()
    {
        var first = CliRunner.Run("diff", Version("2025-08-18"), Version("2025-08-25"), "-f", "json", "--runs", "100", "--seed", "7");
        var second = CliRunner.Run("diff", Version("2025-08-18"), Version("2025-08-25"), "-f", "json", "--runs", "100", "--seed", "7");

        Assert.Equal(0, first.Code);
        Assert.Equal(first.Out, second.Out);
    }

    [Fact]
    public void Diff_InvalidFile_ExitsTwoWithLocatedError()
    {
        var bad = Path.Combine(Path.GetTempPath(), $"parley-diff-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(bad, File.ReadAllText(Version("2025-08-18")).Replace("reservation: 55", "reservation: high", StringComparison.Ordinal));
        try
        {
            var (code, _, stderr) = CliRunner.Run("diff", Version("2025-08-07"), bad);

            Assert.Equal(2, code);
            Assert.Matches(@$"{System.Text.RegularExpressions.Regex.Escape(bad)}:\d+:\d+: error: ", stderr);
        }
        finally
        {
            File.Delete(bad);
        }
    }
}
