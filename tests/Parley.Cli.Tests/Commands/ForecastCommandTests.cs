using System.Text.Json;
using Parley.Tests;

namespace Parley.Cli.Tests.Commands;

public sealed class ForecastCommandTests
{
    private static string Data(string name) => Path.Combine(TestPaths.RepoRoot, "tests", "Parley.Core.Tests", "Forecast", "Data", name);

    private static string Flagship => TestPaths.Example("ukraine-talks-2025.yaml");

    [Fact]
    public void Json_has_turns_and_per_turn_positions_on_the_input_scale()
    {
        var (code, output, err) = CliRunner.Run("forecast", Data("dummyData_3Dim.csv"), "--format", "json");

        Assert.True(code == 0, err);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal(11, root.GetProperty("turns").GetInt32());
        var a0 = root.GetProperty("actors")[0];
        Assert.Equal("SActor-00", a0.GetProperty("name").GetString());
        var positions = a0.GetProperty("positions");
        Assert.Equal(11, positions.GetArrayLength());
        Assert.Equal([75.8, 6.4, 70.5], positions[0].EnumerateArray().Select(x => x.GetDouble()));
        Assert.Equal([78.6, 31.8, 74.1], positions[10].EnumerateArray().Select(x => x.GetDouble()));
    }

    [Fact]
    public void Scenario_forecast_section_runs_and_says_it_is_illustrative()
    {
        var (code, output, err) = CliRunner.Run("forecast", Flagship);

        Assert.True(code == 0, err);
        Assert.Contains("ILLUSTRATIVE", output, StringComparison.Ordinal);
        Assert.Contains("3 states, 2 steps", output, StringComparison.Ordinal);
        Assert.Contains("compromise mean", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Robustness_shows_that_dropping_NATO_changes_the_outcome()
    {
        var (code, output, err) = CliRunner.Run("forecast", Flagship, "--robustness", "--runs", "4");

        Assert.True(code == 0, err);
        Assert.Contains("Dropping NATO, the actor with the least capability, changes the outcome qualitatively", output, StringComparison.Ordinal);
        Assert.Contains("4 seeds (stochastic)", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Robustness_json_lists_qualitative_changes()
    {
        var (code, output, err) = CliRunner.Run("forecast", Flagship, "--robustness", "--runs", "2", "--format", "json");

        Assert.True(code == 0, err);
        using var json = JsonDocument.Parse(output);
        var changes = json.RootElement.GetProperty("robustness").GetProperty("qualitativeChanges").EnumerateArray().Select(x => x.GetString());
        Assert.Contains("without NATO", changes);
    }

    [Fact]
    public void Model_flags_reach_the_model()
    {
        var (code, output, err) = CliRunner.Run("forecast", Data("dummyData_3Dim.csv"), "--format", "json", "--voting-rule", "Cubic", "--pce-model", "MarkovUniform");

        Assert.True(code == 0, err);
        Assert.Contains("VotingRule=Cubic", output, StringComparison.Ordinal);
        Assert.Contains("PCEModel=MarkovUniform", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(".png", new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' })]
    [InlineData(".svg", new byte[] { (byte)'<', (byte)'?', (byte)'x', (byte)'m' })]
    public void Plot_is_written(string extension, byte[] magic)
    {
        var path = Path.Combine(Path.GetTempPath(), $"parley-forecast-{Guid.NewGuid():N}{extension}");
        try
        {
            var (code, _, err) = CliRunner.Run("forecast", Data("ukr2025_smp_illustrative_noNATO.csv"), "--plot", path);

            Assert.True(code == 0, err);
            Assert.Equal(magic, File.ReadAllBytes(path).Take(4));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Hostile_csv_exits_two_with_file_line_column()
    {
        var path = Path.Combine(Path.GetTempPath(), $"parley-hostile-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, "X,d,2,1,\nActor,Description,Power,P,S,\nA,d,10,50,40,\nB,d,10,fifty,40,\n");
        try
        {
            var (code, output, err) = CliRunner.Run("forecast", path);

            Assert.Equal(2, code);
            Assert.Equal("", output);
            Assert.Equal($"{path}:4:8: error: position on dimension 1 must be a number, found 'fifty'", err.Trim());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Scenario_without_forecast_section_is_a_located_error()
    {
        var path = Path.Combine(Path.GetTempPath(), $"parley-noforecast-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, "parley: 1\nid: t\nparties:\n  - {id: A, name: A}\n");
        try
        {
            var (code, _, err) = CliRunner.Run("forecast", path);

            Assert.Equal(2, code);
            Assert.StartsWith($"{path}:1:1: error: the scenario has no 'forecast:' section", err.Trim(), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("--plot", "out.pdf")]
    [InlineData("--digits", "11")]
    [InlineData("--voting-rule", "Loud")]
    [InlineData("--shift-threshold", "-5")]
    [InlineData("--runs", "5")]
    public void Bad_usage_exits_two(string option, string value)
    {
        var (code, _, err) = CliRunner.Run("forecast", Data("dummyData_3Dim.csv"), option, value);

        Assert.Equal(2, code);
        Assert.Contains("error", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_lists_KTAB_options_with_their_defaults()
    {
        var (code, output, _) = CliRunner.Run("forecast", "--help");

        Assert.Equal(0, code);
        Assert.Contains("--victory-prob-model", output, StringComparison.Ordinal);
        Assert.Contains("default Linear, as in KTAB", output, StringComparison.Ordinal);
        Assert.Contains("--robustness", output, StringComparison.Ordinal);
    }
}
