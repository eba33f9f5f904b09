using System.Text.Json;
using Parley.Tests;

namespace Parley.Cli.Tests.Commands;

/// <summary>
/// <c>parley export</c> and the imports that read its output back (<c>stability FILE.gmcr</c>, <c>bargain --genius /
/// --profiles / --negmas</c>, <c>simulate --negmas</c>, <c>tournament --negmas</c>), with the done-when checks.
/// </summary>
public sealed class ExportCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("parley-export-").FullName;

    private static string Flagship => TestPaths.Flagship;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Export(string to, string? parties = null, string? file = null)
    {
        var dir = Path.Combine(_dir, to + (parties ?? "").Replace(",", "", StringComparison.Ordinal));
        string[] args = ["export", file ?? Flagship, "--to", to, "--out", dir, .. parties is null ? Array.Empty<string>() : ["--parties", parties]];
        var (code, _, err) = CliRunner.Run(args);
        Assert.True(code == 0, err);
        return dir;
    }

    private static JsonElement Json(params string[] args)
    {
        var (code, stdout, stderr) = CliRunner.Run([.. args, "--format", "json"]);
        Assert.True(code == 0, stderr);
        return JsonDocument.Parse(stdout).RootElement.Clone();
    }

    private static string[] Labels(JsonElement result, string key) => [.. result.GetProperty(key).EnumerateArray().Select(p => p.GetProperty("label").GetString()!)];

    [Fact]
    public void Gmcr_Flagship_StabilityEquilibriaEqualTheFlagships()
    {
        var dir = Export("gmcr");
        var original = Json("stability", Flagship);
        var exported = Json("stability", Path.Combine(dir, "ukraine-talks-2025.gmcr"));

        Assert.Equal(original.GetProperty("equilibria").GetRawText(), exported.GetProperty("equilibria").GetRawText());
        Assert.Equal(original.GetProperty("stable").GetRawText(), exported.GetProperty("stable").GetRawText());
        Assert.Equal(original.GetProperty("stateCount").GetInt32(), exported.GetProperty("stateCount").GetInt32());
    }

    [Fact]
    public void GeniusWeb_RuUa_NashEqualsBargainWithoutRedLines()
    {
        var dir = Export("geniusweb", "RU,UA");
        var original = Json("bargain", Flagship, "--parties", "RU,UA", "--no-red-lines");
        var exported = Json("bargain", "--profiles", Path.Combine(dir, "profileA.json"), Path.Combine(dir, "profileB.json"));

        Assert.Equal("C1|T4|G3|S3|Q3|V3", exported.GetProperty("nash").GetProperty("label").GetString());
        Assert.Equal(original.GetProperty("nash").GetProperty("label").GetString(), exported.GetProperty("nash").GetProperty("label").GetString());
        Assert.Equal(original.GetProperty("agreementZone").GetInt64(), exported.GetProperty("agreementZone").GetInt64());
        Assert.Equal(Labels(original, "pareto"), Labels(exported, "pareto"));
        Assert.Equal(0.655, exported.GetProperty("nash").GetProperty("utilities").GetProperty("profileA").GetDouble(), 9);
        Assert.Equal(0.55, exported.GetProperty("parties")[0].GetProperty("reservation").GetDouble(), 9);
        Assert.True(File.Exists(Path.Combine(dir, "geniuswebRUUA.json")), "the ANL layout names the domain file after its folder");
    }

    [Fact]
    public void Negmas_ExportedFolder_ReadBackWithTheSameResults()
    {
        var dir = Export("negmas", "RU,UA");
        var original = Json("bargain", Flagship, "--parties", "RU,UA", "--no-red-lines");
        var exported = Json("bargain", "--negmas", dir);

        foreach (var solution in new[] { "nash", "kalaiSmorodinsky", "egalitarian", "utilitarian" })
        {
            Assert.Equal(original.GetProperty(solution).GetProperty("label").GetString(), exported.GetProperty(solution).GetProperty("label").GetString());
        }

        Assert.Equal(original.GetProperty("agreementZone").GetInt64(), exported.GetProperty("agreementZone").GetInt64());
        Assert.Equal(Labels(original, "pareto"), Labels(exported, "pareto"));
        Assert.Equal(Labels(original, "spaceFrontier"), Labels(exported, "spaceFrontier"));
    }

    [Fact]
    public void Genius_RuUa_ReadBackWithTheSameNashAndFrontier()
    {
        var dir = Export("genius", "RU,UA");
        var original = Json("bargain", Flagship, "--parties", "RU,UA", "--no-red-lines");
        var exported = Json("bargain", "--genius", Path.Combine(dir, "ukraine-talks-2025-domain.xml"), Path.Combine(dir, "RU.xml"), Path.Combine(dir, "UA.xml"));

        Assert.Equal(original.GetProperty("nash").GetProperty("label").GetString(), exported.GetProperty("nash").GetProperty("label").GetString());
        Assert.Equal(Labels(original, "pareto"), Labels(exported, "pareto"));
    }

    [Fact]
    public void Export_ListsWhatIsLostOnStderrAndInTheReadme()
    {
        var dir = Path.Combine(_dir, "lost");
        var (code, stdout, stderr) = CliRunner.Run("export", TestPaths.Example("job-offer.yaml"), "--to", "geniusweb", "--out", dir);

        Assert.True(code == 0, stderr);
        var readme = File.ReadAllText(Path.Combine(dir, "README.txt"));
        foreach (var lost in new[] { "red line cand-min-salary of CAND", "numeric issue salary (60 to 90 kEUR, step 5)", "process stages (4:", "deadlines (offer-lapses 2025-10-15)", "confidentiality (" })
        {
            Assert.Contains(lost, stderr, StringComparison.Ordinal);
            Assert.Contains(lost, readme, StringComparison.Ordinal);
        }

        Assert.Contains("profileA.json", stdout, StringComparison.Ordinal);
        Assert.Contains("README.txt", stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--to xml", "--to must be one of gmcr, genius, geniusweb, negmas, not 'xml'")]
    [InlineData("--to gmcr FILE=examples/job-offer.yaml", "cannot export to gmcr: the scenario has no conflict: section to export to gmcr")]
    [InlineData("--to genius --parties RU,XX", "cannot export to genius: unknown party 'XX'")]
    [InlineData("--to gmcr --parties RU", "--parties does not apply to --to gmcr")]
    [InlineData("--to negmas FILE=missing.yaml", "missing.yaml:1:1: error: no such file")]
    [InlineData("--to negmas FILE=examples/prisoners-dilemma.yaml", "cannot export to negmas: the scenario has no issues to export")]
    public void Export_BadInput_ExitsTwoWithAMessage(string options, string expected)
    {
        var tokens = options.Split(' ').ToList();
        var file = tokens.FirstOrDefault(t => t.StartsWith("FILE=", StringComparison.Ordinal)) is { } f ? Path.Combine(TestPaths.RepoRoot, f[5..]) : Flagship;
        tokens.RemoveAll(t => t.StartsWith("FILE=", StringComparison.Ordinal));
        var (code, _, stderr) = CliRunner.Run(["export", file, .. tokens, "--out", Path.Combine(_dir, "bad")]);

        Assert.Equal(2, code);
        Assert.Contains(expected, stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void BargainNegmas_BadFolder_LocatedErrorExitTwo()
    {
        var dir = Export("negmas", "RU,UA");
        File.WriteAllText(Path.Combine(dir, "UA.yml"), File.ReadAllText(Path.Combine(dir, "UA.yml")).Replace("    C1: 1\n", "", StringComparison.Ordinal));
        var (code, _, stderr) = CliRunner.Run("bargain", "--negmas", dir);

        Assert.Equal(2, code);
        Assert.Contains(Path.Combine(dir, "UA.yml") + ":", stderr, StringComparison.Ordinal);
        Assert.Contains("error: values[0].mapping: no utility for value 'C1' of issue 'C'", stderr, StringComparison.Ordinal);
        Assert.Equal(2, CliRunner.Run("bargain", "--negmas", Path.Combine(_dir, "nowhere")).Code);
    }

    [Fact]
    public void SimulateNegmas_RunsOneSessionOfTheFoldersParties()
    {
        var dir = Export("negmas", "RU,UA");
        var result = Json("simulate", "--negmas", dir, "--runs", "50", "--sensitivity-runs", "0");

        Assert.Equal("negmasRUUA", result.GetProperty("report").GetProperty("scenario").GetString());
        Assert.Equal(50, result.GetProperty("report").GetProperty("runs").GetInt64());
        Assert.Equal(2, CliRunner.Run("simulate", Flagship, "--negmas", dir).Code);
        Assert.Equal(2, CliRunner.Run("simulate").Code);
    }

    [Fact]
    public void TournamentNegmas_FolderFromTheCommandLineAndFromTheConfig()
    {
        var dir = Export("negmas", "RU,UA");
        var config = Path.Combine(_dir, "t.yaml");
        File.WriteAllText(config, $$"""
            tournament: 1
            name: nm
            seed: 3
            repetitions: 1
            rounds: 20
            strategies: [boulware, conceder]
            domains:
              - {negmas: {{dir}}, name: from-config}
            """);
        var (code, stdout, stderr) = CliRunner.Run("tournament", config, "--negmas", dir, "--out", Path.Combine(_dir, "tour"), "--format", "json");

        Assert.True(code == 0, stderr);
        using var doc = JsonDocument.Parse(stdout);
        Assert.Equal(2 * 2 * 2, doc.RootElement.GetProperty("sessions").GetInt32());
        var domains = File.ReadAllLines(Path.Combine(_dir, "tour", "results.jsonl")).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("domain").GetString()).Distinct().Order(StringComparer.Ordinal);
        Assert.Equal(["from-config", "negmasRUUA"], domains);
    }
}
