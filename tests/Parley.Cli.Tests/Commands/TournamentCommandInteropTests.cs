using System.Diagnostics;
using System.Text.Json;
using Parley.Tests;

namespace Parley.Cli.Tests.Commands;

public class TournamentCommandInteropTests
{
    [SharedDataFact]
    public void Tournament_OnAnImportedGeniusDomain_ReportsDistances()
    {
        var dir = Directory.CreateTempSubdirectory("parley-tour-").FullName;
        var laptop = Path.Combine(TestPaths.SharedData!, "negotiation", "genius", "anac", "y2011", "Laptop");
        var config = Path.Combine(dir, "g.yaml");
        File.WriteAllText(config, $"strategies: [boulware, conceder]\nrounds: 50\ndomains:\n  - {{genius: {laptop}, name: laptop}}\n");
        var (code, output, err) = CliRunner.Run("tournament", config, "--out", Path.Combine(dir, "out"), "--format", "json");

        Assert.True(code == 0, err);
        using var doc = JsonDocument.Parse(output);
        Assert.Equal(4, doc.RootElement.GetProperty("sessions").GetInt32());
        Assert.All(doc.RootElement.GetProperty("strategies").EnumerateArray(), s => Assert.True(s.GetProperty("meanParetoDistance").GetDouble() >= 0));
    }
}
