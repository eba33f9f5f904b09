using System.Text.Json;
using Parley.Tests;

namespace Parley.Cli.Tests.Commands;

public sealed class BargainCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("parley-bargain-").FullName;

    private static string Flagship => TestPaths.Example("ukraine-talks-2025.yaml");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Json_RuUaWithoutRedLines_GivesBriefCheckValue()
    {
        var (code, stdout, stderr) = CliRunner.Run("bargain", Flagship, "--parties", "RU,UA", "--no-red-lines", "--format", "json");

        Assert.True(code == 0, stderr);
        using var json = JsonDocument.Parse(stdout);
        var root = json.RootElement;
        Assert.Equal(9216, root.GetProperty("outcomes").GetDouble());
        Assert.True(root.GetProperty("agreementZone").GetInt64() > 0);
        var nash = root.GetProperty("nash");
        Assert.Equal("C1|T4|G3|S3|Q3|V3", nash.GetProperty("label").GetString());
        Assert.Equal("T4", nash.GetProperty("package").GetProperty("T").GetString());
        Assert.Equal(65.5, nash.GetProperty("utilities").GetProperty("RU").GetDouble());
        Assert.Equal(50.0, nash.GetProperty("utilities").GetProperty("UA").GetDouble());
        foreach (var key in new[] { "pareto", "kalaiSmorodinsky", "egalitarian", "utilitarian", "spaceFrontier", "conflicts", "relaxations", "reservationCuts" })
        {
            Assert.True(root.TryGetProperty(key, out _), key);
        }

        // Documented as always present, even when the zone is not empty and no diagnosis runs.
        Assert.False(root.GetProperty("redLinesAloneIncompatible").GetBoolean());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("diagnosisMaxSetSize").ValueKind);
    }

    [Fact]
    public void Json_FlagshipFourParties_EmptyZoneWithTerritorialRelaxations()
    {
        var (code, stdout, stderr) = CliRunner.Run("bargain", Flagship, "--parties", "RU,UA,US,EU", "--format", "json");

        Assert.True(code == 0, stderr);
        using var json = JsonDocument.Parse(stdout);
        var root = json.RootElement;
        Assert.Equal(0, root.GetProperty("agreementZone").GetInt64());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("nash").ValueKind);
        Assert.Contains(root.GetProperty("conflicts").EnumerateArray(), c => c.EnumerateArray().Select(x => x.GetString()).SequenceEqual(["RU-donbas", "UA-no-withdrawal"]));
        var singles = root.GetProperty("relaxations").EnumerateArray()
            .Select(r => r.GetProperty("drop").EnumerateArray().Select(d => d.GetString()!).ToArray())
            .Where(d => d.Length == 1).Select(d => d[0]).ToArray();
        Assert.Equal(["RU-donbas", "UA-no-withdrawal"], singles);
        Assert.All(root.GetProperty("relaxations").EnumerateArray(), r =>
        {
            Assert.True(r.GetProperty("agreementZone").GetInt64() > 0);
            Assert.NotNull(r.GetProperty("nash").GetProperty("label").GetString());
        });
    }

    [Fact]
    public void Table_Flagship_NamesTheConflictingRedLines()
    {
        var (code, stdout, _) = CliRunner.Run("bargain", Flagship);

        Assert.Equal(0, code);
        Assert.Contains("RU-donbas + UA-no-withdrawal", stdout);
        Assert.Contains("No package is acceptable to every party", stdout);
    }

    [Fact]
    public void FrontierCsvAndPlots_AreWritten()
    {
        var csv = Path.Combine(_dir, "frontier.csv");
        var png = Path.Combine(_dir, "frontier.png");
        var svg = Path.Combine(_dir, "frontier.svg");

        Assert.Equal(0, CliRunner.Run("bargain", Flagship, "--parties", "RU,UA", "--no-red-lines", "--frontier-csv", csv, "--plot", png).Code);
        Assert.Equal(0, CliRunner.Run("bargain", Flagship, "--parties", "RU,UA,US", "--no-red-lines", "--plot", svg).Code);

        var lines = File.ReadAllLines(csv);
        Assert.Equal("set,package,C,T,G,S,Q,V,RU,UA", lines[0]);
        Assert.Contains(lines, l => l.StartsWith("zone,", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("space,", StringComparison.Ordinal));
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], File.ReadAllBytes(png).Take(4));
        var svgText = File.ReadAllText(svg);
        Assert.Contains("<svg", svgText);
        Assert.Contains("RU × UA", svgText.Replace("&#215;", "×", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("unknown party 'XX'", "--parties", "RU,XX")]
    [InlineData("give exactly one input")]
    [InlineData("must end in .png or .svg", "--plot", "out.gif")]
    public void BadUsage_ExitsTwoWithMessage(string message, params string[] extra)
    {
        var args = extra.Length == 0 ? new[] { "bargain" } : ["bargain", Flagship, .. extra];

        var (code, _, stderr) = CliRunner.Run(args);

        Assert.Equal(2, code);
        Assert.Contains(message, stderr);
        Assert.DoesNotContain("   at ", stderr);
    }

    [Fact]
    public void Profiles_MalformedJson_ExitsTwoWithLocatedError()
    {
        var bad = Path.Combine(_dir, "bad.json");
        File.WriteAllText(bad, "{\n  \"issueWeights\": {\"a\": 1,\n}");
        var good = Path.Combine(_dir, "good.json");
        File.WriteAllText(good, "{\"reservationValue\": 0, \"issueWeights\": {\"a\": 1}, \"issues\": {\"a\": {\"x\": 1, \"y\": 0}}}");

        var (code, _, stderr) = CliRunner.Run("bargain", "--profiles", good, bad);

        Assert.Equal(2, code);
        Assert.StartsWith($"{bad}:3:", stderr.Trim());
        Assert.Contains("malformed JSON", stderr);
    }

    [Fact]
    public void Profiles_NegoLogFixture_SolvesAndNamesPartiesAfterFiles()
    {
        var a = Path.Combine(_dir, "buyer.json");
        var b = Path.Combine(_dir, "seller.json");
        File.WriteAllText(a, "{\"reservationValue\": 0.2, \"issueWeights\": {\"price\": 0.7, \"speed\": 0.3}, \"issues\": {\"price\": {\"low\": 1, \"high\": 0}, \"speed\": {\"fast\": 1, \"slow\": 0.5}}}");
        File.WriteAllText(b, "{\"reservationValue\": 0.2, \"issueWeights\": {\"price\": 0.6, \"speed\": 0.4}, \"issues\": {\"price\": {\"low\": 0, \"high\": 1}, \"speed\": {\"fast\": 0.2, \"slow\": 1}}}");

        var (code, stdout, stderr) = CliRunner.Run("bargain", "--profiles", a, b, "--format", "json");

        Assert.True(code == 0, stderr);
        using var json = JsonDocument.Parse(stdout);
        var nash = json.RootElement.GetProperty("nash");
        Assert.True(nash.GetProperty("utilities").TryGetProperty("buyer", out _));
        Assert.Equal(4, json.RootElement.GetProperty("outcomes").GetDouble());
    }

    [SharedDataFact]
    public void Genius_Laptop_WarnsOnStderrAndSolves()
    {
        var dir = Path.Combine(TestPaths.SharedData!, "negotiation", "genius", "anac", "y2011", "Laptop");

        var (code, stdout, stderr) = CliRunner.Run("bargain", "--genius", Path.Combine(dir, "laptop_domain.xml"),
            Path.Combine(dir, "laptop_buyer_utility.xml"), Path.Combine(dir, "laptop_seller_utility.xml"), "--format", "json");

        Assert.True(code == 0, stderr);
        Assert.Contains("warning: weights sum to", stderr);
        using var json = JsonDocument.Parse(stdout);
        Assert.Equal(27, json.RootElement.GetProperty("outcomes").GetDouble());
    }

    [SharedDataFact]
    public void Profiles_Anl2023Domain00_NashMatchesSpecials()
    {
        var dir = Path.Combine(TestPaths.SharedData!, "negotiation", "geniusweb-anl2023", "domain00");

        var (code, stdout, stderr) = CliRunner.Run("bargain", "--profiles", Path.Combine(dir, "profileA.json"), Path.Combine(dir, "profileB.json"), "--format", "json");

        Assert.True(code == 0, stderr);
        using var json = JsonDocument.Parse(stdout);
        Assert.Equal(0.936910694, json.RootElement.GetProperty("nash").GetProperty("utilities").GetProperty("profileA").GetDouble(), 6);
        Assert.Equal(22, json.RootElement.GetProperty("pareto").GetArrayLength());
    }
}
