using System.Diagnostics;
using System.Text.Json;
using Parley.Tests;

namespace Parley.Cli.Tests.Commands;

public class TournamentCommandTests
{
    private static string Config(string dir, string strategies, int repetitions, int rounds)
    {
        var path = Path.Combine(dir, "t.yaml");
        File.WriteAllText(path, $"""
            tournament: 1
            name: test
            seed: 3
            repetitions: {repetitions}
            rounds: {rounds}
            strategies: [{strategies}]
            domains:
              - {"{"}scenario: {TestPaths.Example("ukraine-talks-2025.yaml")}, parties: [RU, UA], red_lines: false, name: soft{"}"}
            """);
        return path;
    }

    private static List<JsonElement> Lines(string file) =>
        [.. File.ReadAllLines(file).Where(l => l.Length > 0).Select(l => JsonDocument.Parse(l).RootElement.Clone())];

    [Fact]
    public void Tournament_RunsEverySessionOnce_AndSummarises()
    {
        var dir = Directory.CreateTempSubdirectory("parley-tour-").FullName;
        var config = Config(dir, "boulware, conceder, hardliner", 2, 30);
        var (code, output, err) = CliRunner.Run("tournament", config, "--out", Path.Combine(dir, "out"), "--format", "json", "--csv", Path.Combine(dir, "s.csv"));

        Assert.True(code == 0, err);
        var lines = Lines(Path.Combine(dir, "out", "results.jsonl"));
        Assert.Equal(3 * 3 * 2, lines.Count);
        Assert.Equal(lines.Count, lines.Select(l => l.GetProperty("key").GetString()).Distinct().Count());
        using var doc = JsonDocument.Parse(output);
        var strategies = doc.RootElement.GetProperty("strategies");
        Assert.Equal(3, strategies.GetArrayLength());
        Assert.All(strategies.EnumerateArray(), s => Assert.Equal(12, s.GetProperty("sessions").GetInt32()));
        Assert.StartsWith("strategy,sessions,agreement_rate", File.ReadAllText(Path.Combine(dir, "s.csv")), StringComparison.Ordinal);
        var hardliner = strategies.EnumerateArray().Single(s => s.GetProperty("strategy").GetString() == "hardliner");
        // Two hardliners never agree; a hardliner only agrees when the other side concedes to its best package.
        Assert.True(hardliner.GetProperty("agreementRate").GetDouble() < 1);
    }

    [Fact]
    public void Tournament_SameSeed_SameSummaryWhateverTheThreads()
    {
        var dir = Directory.CreateTempSubdirectory("parley-tour-").FullName;
        var config = Config(dir, "linear, random, tft", 2, 25);
        var one = CliRunner.Run("tournament", config, "--out", Path.Combine(dir, "a"), "--threads", "1", "--format", "json");
        var many = CliRunner.Run("tournament", config, "--out", Path.Combine(dir, "b"), "--threads", "4", "--format", "json");

        Assert.Equal(0, one.Code);
        Assert.Equal(one.Out.Replace(Path.Combine(dir, "a"), "", StringComparison.Ordinal), many.Out.Replace(Path.Combine(dir, "b"), "", StringComparison.Ordinal));
    }

    [Fact]
    public void Tournament_ExistingResultsWithoutResume_IsAUsageError()
    {
        var dir = Directory.CreateTempSubdirectory("parley-tour-").FullName;
        var config = Config(dir, "linear", 1, 10);
        Assert.Equal(0, CliRunner.Run("tournament", config, "--out", dir).Code);
        var (code, _, err) = CliRunner.Run("tournament", config, "--out", dir);

        Assert.Equal(2, code);
        Assert.Contains("--resume", err, StringComparison.Ordinal);
    }

    [Fact]
    public void ClusterJob_RefusesASiloWhoseDomainFileDiffers_ByContentFingerprint()
    {
        var dir = Directory.CreateTempSubdirectory("parley-tour-").FullName;
        var domain = Path.Combine(dir, "flagship.yaml");
        File.Copy(TestPaths.Example("ukraine-talks-2025.yaml"), domain);
        var config = Path.Combine(dir, "t.yaml");
        File.WriteAllText(config, """
            tournament: 1
            name: fp
            seed: 3
            repetitions: 1
            rounds: 10
            strategies: [linear, conceder]
            domains:
              - {scenario: flagship.yaml, parties: [RU, UA], red_lines: false, name: soft}
            """);
        var spec = Parley.Cli.Commands.TournamentCommand.LoadSpec(config);
        var fingerprint = Parley.Cli.Commands.TournamentCommand.Fingerprint(spec, config);
        Assert.Equal(fingerprint, Parley.Cli.Commands.TournamentCommand.Fingerprint(spec, config));

        // The silo's copy differs by one comment line: same sessions, different bytes.
        File.AppendAllText(domain, "\n# edited on the silo\n");
        Assert.NotEqual(fingerprint, Parley.Cli.Commands.TournamentCommand.Fingerprint(spec, config));
        var job = Parley.Cli.Commands.TournamentCommand.TournamentJob.Instance;
        var ex = Assert.Throws<ArgumentException>(() => job.RunBatch(new Parley.Cli.Commands.TournamentCommand.TournamentJobSpec(config, fingerprint, [0]), 0, 0, 1));
        Assert.Contains("differs", ex.Message, StringComparison.Ordinal);
        var fresh = Parley.Cli.Commands.TournamentCommand.Fingerprint(spec, config);
        Assert.Single(job.RunBatch(new Parley.Cli.Commands.TournamentCommand.TournamentJobSpec(config, fresh, [0]), 0, 0, 1).Lines);
    }

    [Fact]
    public void Tournament_CorruptedMiddleLine_IsRefusedWithFileAndLine_AndTheFileIsLeftIntact()
    {
        var dir = Directory.CreateTempSubdirectory("parley-tour-").FullName;
        var config = Config(dir, "linear, conceder", 1, 10);
        var outDir = Path.Combine(dir, "out");
        Assert.Equal(0, CliRunner.Run("tournament", config, "--out", outDir).Code);
        var results = Path.Combine(outDir, "results.jsonl");
        var lines = File.ReadAllLines(results);
        Assert.True(lines.Length >= 3);
        lines[1] = "{\"key\": not json";
        File.WriteAllLines(results, lines);
        var before = File.ReadAllBytes(results);

        var (code, _, err) = CliRunner.Run("tournament", config, "--out", outDir, "--resume");

        Assert.Equal(2, code);
        Assert.Contains("results.jsonl:2:", err, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(results));
    }

    [Fact]
    public void Tournament_KilledMidway_ResumeFinishesEachSessionExactlyOnce()
    {
        var dir = Directory.CreateTempSubdirectory("parley-tour-").FullName;
        var config = Config(dir, "boulware, linear, conceder, tft", 10, 40);
        var outDir = Path.Combine(dir, "out");
        var results = Path.Combine(outDir, "results.jsonl");
        var parley = typeof(CliApp).Assembly.Location;
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { parley, "tournament", config, "--out", outDir, "--threads", "1", "--session-delay-ms", "100" })
        {
            start.ArgumentList.Add(arg);
        }

        using (var child = Process.Start(start)!)
        {
            // Wait (bounded) for a few results to be flushed, then kill the process hard.
            var deadline = Stopwatch.StartNew();
            while (CountLines(results) < 5 && deadline.Elapsed < TimeSpan.FromSeconds(120) && !child.HasExited)
            {
                child.WaitForExit(50);
            }

            if (child.HasExited)
            {
                Assert.Fail("the tournament ended before it could be killed: " + child.StandardError.ReadToEnd());
            }

            child.Kill(entireProcessTree: true);
            child.WaitForExit();
        }

        var before = Lines(results).Count;
        Assert.InRange(before, 5, 159);
        // A torn last line, as if the process had died while writing.
        File.AppendAllText(results, "{\"key\":\"soft|linear,tft|3\",\"dom");
        var (code, _, err) = CliRunner.Run("tournament", config, "--out", outDir, "--resume", "--format", "json");

        Assert.True(code == 0, err);
        Assert.Contains("resuming", err, StringComparison.Ordinal);
        var keys = Lines(results).Select(l => l.GetProperty("key").GetString()!).ToList();
        Assert.Equal(4 * 4 * 10, keys.Count);
        Assert.Equal(keys.Count, keys.Distinct().Count());
        var expected = from a in new[] { "boulware", "linear", "conceder", "tft" }
                       from b in new[] { "boulware", "linear", "conceder", "tft" }
                       from r in Enumerable.Range(0, 10)
                       select $"soft|{a},{b}|{r}";
        Assert.Equal(expected.Order(), keys.Order());
    }

    [Fact]
    public void Tournament_WritesRankingPlotAndSessionTraces()
    {
        var dir = Directory.CreateTempSubdirectory("parley-tour-").FullName;
        var config = Config(dir, "boulware, conceder", 1, 20);
        var plot = Path.Combine(dir, "rank.svg");
        var traces = Path.Combine(dir, "traces.jsonl");
        var (code, _, err) = CliRunner.Run("tournament", config, "--out", Path.Combine(dir, "out"), "--plot", plot, "--trace", traces);

        Assert.True(code == 0, err);
        Assert.Contains("<svg", File.ReadAllText(plot), StringComparison.Ordinal);
        var lines = Lines(traces);
        Assert.Equal(4, lines.Count);
        Assert.All(lines, l => Assert.True(l.GetProperty("moves").GetArrayLength() > 0));
        Assert.Equal("soft|boulware,boulware|0", lines[0].GetProperty("stage").GetString());
    }

    [Fact]
    public void Tournament_BadPlotExtension_ExitsTwoBeforeRunningAnySession()
    {
        var dir = Directory.CreateTempSubdirectory("parley-tour-").FullName;
        var config = Config(dir, "boulware, conceder", 1, 20);
        var (code, _, err) = CliRunner.Run("tournament", config, "--out", Path.Combine(dir, "out"), "--plot", Path.Combine(dir, "rank.bmp"));

        Assert.Equal(2, code);
        Assert.Contains("expected a .png or .svg extension", err, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(dir, "out")));
    }

    [Theory]
    [InlineData("--csv")]
    [InlineData("--trace")]
    [InlineData("--plot")]
    public void Tournament_OutputFileInAMissingFolder_ExitsTwoBeforeRunning(string option)
    {
        var dir = Directory.CreateTempSubdirectory("parley-tour-").FullName;
        var config = Config(dir, "boulware, conceder", 1, 20);
        var (code, _, err) = CliRunner.Run("tournament", config, "--out", Path.Combine(dir, "out"), option, Path.Combine(dir, "missing", "f.svg"));

        Assert.Equal(2, code);
        Assert.Contains($"{option} ", err, StringComparison.Ordinal);
        Assert.Contains("does not exist", err, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(dir, "out")));
    }

    [Fact]
    public void Tournament_BadThreads_ExitsTwoWithoutCreatingTheOutputFolder()
    {
        var dir = Directory.CreateTempSubdirectory("parley-tour-").FullName;
        var config = Config(dir, "boulware", 1, 20);
        var (code, _, err) = CliRunner.Run("tournament", config, "--out", Path.Combine(dir, "out"), "--threads", "0");

        Assert.Equal(2, code);
        Assert.Contains("--threads must be between 1 and 1024", err, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(dir, "out")));
    }

    [Fact]
    public void Tournament_OutIsAFile_ExitsTwoNamingTheOption()
    {
        var dir = Directory.CreateTempSubdirectory("parley-tour-").FullName;
        var config = Config(dir, "boulware", 1, 20);
        var (code, _, err) = CliRunner.Run("tournament", config, "--out", config);

        Assert.Equal(2, code);
        Assert.StartsWith("parley: error: --out ", err, StringComparison.Ordinal);
    }

    /// <summary>Counts complete lines without locking the file the child is writing.</summary>
    private static int CountLines(string file)
    {
        if (!File.Exists(file))
        {
            return 0;
        }

        using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        var count = 0;
        int b;
        while ((b = stream.ReadByte()) >= 0)
        {
            count += b == '\n' ? 1 : 0;
        }

        return count;
    }

    [Fact]
    public void Tournament_BadConfig_ReportsTheLocation()
    {
        var dir = Directory.CreateTempSubdirectory("parley-tour-").FullName;
        var path = Path.Combine(dir, "bad.yaml");
        File.WriteAllText(path, "strategies: [linear, wobble]\ndomains: []\n");
        var (code, _, err) = CliRunner.Run("tournament", path);

        Assert.Equal(2, code);
        Assert.Contains("bad.yaml:1:22: error: unknown strategy 'wobble'", err, StringComparison.Ordinal);
    }
}
