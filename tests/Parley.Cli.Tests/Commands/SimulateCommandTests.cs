using System.Text.Json;
using Parley.Tests;

namespace Parley.Cli.Tests.Commands;

public class SimulateCommandTests
{
    private static readonly string Flagship = TestPaths.Example("ukraine-talks-2025.yaml");

    [Fact]
    public void Simulate_Json_IsIdenticalOnOneThreadOrMany()
    {
        var one = CliRunner.Run("simulate", Flagship, "--runs", "600", "--seed", "7", "--by", "2025-09-01", "--threads", "1", "--sensitivity-runs", "50", "--format", "json");
        var many = CliRunner.Run("simulate", Flagship, "--runs", "600", "--seed", "7", "--by", "2025-09-01", "--threads", "3", "--sensitivity-runs", "50", "--format", "json");

        Assert.Equal(0, one.Code);
        Assert.Equal(one.Out, many.Out);
        using var doc = JsonDocument.Parse(one.Out);
        var report = doc.RootElement.GetProperty("report");
        Assert.Equal(600, report.GetProperty("runs").GetInt64());
        Assert.Equal("2025-09-01", report.GetProperty("by").GetString());
        Assert.Equal(8, report.GetProperty("stages").GetArrayLength());
        // The eight priors and one row per deadline the simulation acts on (D-aug8 pressure, D-two-weeks stall).
        var sensitivity = doc.RootElement.GetProperty("sensitivity");
        Assert.Equal(10, sensitivity.GetArrayLength());
        Assert.Contains(sensitivity.EnumerateArray(), r => r.GetProperty("factor").GetString() == "deadline D-aug8 moved ±14 days");
    }

    [Fact]
    public void Simulate_Table_ShowsStagesAgreementAndSensitivity()
    {
        var (code, output, _) = CliRunner.Run("simulate", Flagship, "--runs", "300", "--sensitivity-runs", "30");

        Assert.Equal(0, code);
        Assert.Contains("P(agreement by 2025-09-01)", output, StringComparison.Ordinal);
        Assert.Contains("ILLUSTRATIVE", output, StringComparison.Ordinal);
        Assert.Contains("S4", output, StringComparison.Ordinal);
        Assert.Contains("Sensitivity", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Simulate_WritesPlotTraceAndDance()
    {
        var dir = Directory.CreateTempSubdirectory("parley-sim-").FullName;
        var plot = Path.Combine(dir, "p.png");
        var trace = Path.Combine(dir, "t.json");
        var dance = Path.Combine(dir, "d.svg");
        var (code, _, err) = CliRunner.Run("simulate", Flagship, "--runs", "200", "--sensitivity-runs", "0", "--plot", plot, "--trace", trace, "--dance", dance);

        Assert.True(code == 0, err);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], File.ReadAllBytes(plot)[..4]);
        Assert.Contains("<svg", File.ReadAllText(dance), StringComparison.Ordinal);
        using var doc = JsonDocument.Parse(File.ReadAllText(trace));
        var sessions = doc.RootElement.GetProperty("sessions");
        Assert.True(sessions.GetArrayLength() > 0);
        var moves = sessions[0].GetProperty("moves");
        Assert.True(moves.GetArrayLength() > 0);
        Assert.Equal(sessions[0].GetProperty("parties").GetArrayLength(), moves[0].GetProperty("utilities").GetArrayLength());
    }

    [Fact]
    public void Simulate_PlotIsTheBriefingsCurve_AgreementAndTheFocusStageOpened()
    {
        var plot = Path.Combine(Directory.CreateTempSubdirectory("parley-sim-").FullName, "p.svg");
        var (code, _, err) = CliRunner.Run("simulate", Flagship, "--runs", "200", "--sensitivity-runs", "0", "--plot", plot);

        Assert.True(code == 0, err);
        var svg = File.ReadAllText(plot);
        Assert.Contains("P(agreement: S6 succeeded), 95% band", svg, StringComparison.Ordinal);
        Assert.Contains("P(S4 opened), 95% band", svg, StringComparison.Ordinal);
        Assert.Contains("P(agreement) and P(S4 opened) against the date", svg, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--by", "1 Sept")]
    [InlineData("--by", "2025-01-01")]
    [InlineData("--runs", "0")]
    [InlineData("--plot", "p.gif")]
    [InlineData("--dance", "d.bmp")]
    [InlineData("--trace", "/nonexistent-folder/t.json")]
    public void Simulate_BadOptions_ExitTwo(string option, string value)
    {
        var (code, _, err) = CliRunner.Run("simulate", Flagship, "--runs", "20", "--sensitivity-runs", "0", option, value);

        Assert.Equal(2, code);
        Assert.StartsWith("parley: error:", err, StringComparison.Ordinal);
    }
}
