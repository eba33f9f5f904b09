using System.Text.Json;
using Parley.Tests;

namespace Parley.Cli.Tests.Commands;

public sealed class DescribeCommandTests
{
    private static readonly string Flagship = TestPaths.Example("ukraine-talks-2025.yaml");

    [Fact]
    public void Describe_Flagship_TableShowsPartiesPackagesRedLinesAndStages()
    {
        var (code, output, err) = CliRunner.Run("describe", Flagship);

        Assert.True(code == 0, err);
        foreach (var text in new[] { "Russia", "Ukraine", "United States", "European coalition", "NATO Secretary General", "(optional)" })
        {
            Assert.Contains(text, output, StringComparison.Ordinal);
        }

        Assert.Contains("9,216 packages", output, StringComparison.Ordinal);
        Assert.Contains("UA-not-moscow", output, StringComparison.Ordinal);
        Assert.Contains("S5 trilateral summit", output, StringComparison.Ordinal);
        Assert.Contains("Mediator US takes part from S5", output, StringComparison.Ordinal);
        Assert.Contains("D-aug8", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Describe_FlagshipJson_ParsesWithDocumentedShape()
    {
        var (code, output, err) = CliRunner.Run("describe", Flagship, "--format", "json");

        Assert.True(code == 0, err);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal("ukraine-talks-2025", root.GetProperty("id").GetString());
        Assert.Equal(9216, root.GetProperty("packages").GetDouble());
        Assert.Equal(["RU", "UA", "US", "EU", "NATO"], root.GetProperty("parties").EnumerateArray().Select(p => p.GetProperty("id").GetString()));
        Assert.Equal("belligerent", root.GetProperty("parties")[0].GetProperty("roles")[0].GetString());
        Assert.Equal(6, root.GetProperty("issues").GetArrayLength());
        Assert.Equal(4, root.GetProperty("issues")[0].GetProperty("options").GetArrayLength());
        var ua = root.GetProperty("redLines").EnumerateArray().Single(p => p.GetProperty("party").GetString() == "UA");
        Assert.Equal("V != V1", ua.GetProperty("lines")[2].GetProperty("rule").GetString());
        Assert.Equal(7, root.GetProperty("conflict").GetProperty("options").GetInt32());
        var s5 = root.GetProperty("stages")[4];
        Assert.Equal(["S4"], s5.GetProperty("after").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal("pending", s5.GetProperty("status").GetString());
        Assert.Equal("2025-08-08", root.GetProperty("deadlines")[0].GetProperty("date").GetString());
        Assert.Equal("pressure", root.GetProperty("deadlines")[0].GetProperty("consequence").GetString());
    }

    [Fact]
    public void Describe_ConflictOnlyScenario_Works()
    {
        var (code, output, err) = CliRunner.Run("describe", TestPaths.Example("prisoners-dilemma.yaml"));

        Assert.True(code == 0, err);
        Assert.Contains("2 decision makers, 2 options", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Describe_InvalidFile_PrintsLocatedErrorsAndExitsTwo()
    {
        var file = Path.Combine(TestPaths.RepoRoot, "tests", "Parley.Core.Tests", "Scenarios", "Invalid", "several-errors.yaml");

        var (code, output, err) = CliRunner.Run("describe", file);

        Assert.Equal(2, code);
        Assert.Empty(output);
        Assert.Equal(5, err.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.StartsWith($"{file}:10:19: error: unknown role 'king'", err, StringComparison.Ordinal);
    }
}
