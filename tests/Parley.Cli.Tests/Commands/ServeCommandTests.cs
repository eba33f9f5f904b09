using System.Text.Json;

namespace Parley.Cli.Tests.Commands;

public sealed class ServeCommandTests
{
    [Fact]
    public void Serve_WithADatabaseThatCannotBeOpened_ExitsTwo()
    {
        var (code, _, err) = CliRunner.Run("serve", "--db", "/nonexistent-folder/parley.db", "--urls", "http://127.0.0.1:0");
        Assert.Equal(2, code);
        Assert.Contains("--db: cannot open the database", err);
    }

    [Fact]
    public void Serve_WithAMalformedAddress_ExitsTwoWithoutCallingItABug()
    {
        var db = Path.Combine(Directory.CreateTempSubdirectory("parley-serve-").FullName, "p.db");
        var (code, output, err) = CliRunner.Run("serve", "--db", db, "--urls", "not-a-url");

        Assert.Equal(2, code);
        Assert.StartsWith("parley: error: --urls:", err, StringComparison.Ordinal);
        Assert.DoesNotContain("internal error", err, StringComparison.Ordinal);
        Assert.Equal("", output);
    }

    [Fact]
    public void Bench_SmallRun_ReportsEveryAppend()
    {
        var (code, output, err) = CliRunner.Run("serve", "bench", "--appends", "40", "--concurrency", "4", "--talks", "2", "--format", "json");
        Assert.True(code == 0, err);
        var result = JsonDocument.Parse(output).RootElement;
        Assert.Equal(40, result.GetProperty("appends").GetInt32());
        Assert.True(result.GetProperty("p99Ms").GetDouble() >= result.GetProperty("p50Ms").GetDouble());
    }

    [Fact]
    public void Bench_WithLiveDesks_ReportsEveryAppend_AndTheDeskCount()
    {
        var (code, output, err) = CliRunner.Run("serve", "bench", "--appends", "40", "--concurrency", "4", "--talks", "2", "--live-desks", "5", "--direct", "--format", "json");
        Assert.True(code == 0, err);
        var result = JsonDocument.Parse(output).RootElement;
        Assert.Equal(40, result.GetProperty("appends").GetInt32());
        Assert.Equal(5, result.GetProperty("liveDesks").GetInt32());
    }

    [Theory]
    [InlineData("--appends", "1000000")]
    [InlineData("--live-desks", "6")]
    [InlineData("--live-desks", "-1")]
    public void Bench_OutOfBounds_IsAUsageError(string option, string value)
    {
        var (code, _, err) = CliRunner.Run("serve", "bench", option, value);
        Assert.Equal(2, code);
        Assert.Contains(option, err);
    }

    [Fact]
    public void Serve_OpeningAnInvalidScenario_ExitsTwoBeforeListening()
    {
        var file = Path.Combine(Path.GetTempPath(), $"parley-bad-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(file, "parley: 1\nid: bad\nparties: 3\n");
        try
        {
            var (code, output, err) = CliRunner.Run("serve", "--open", file, "--urls", "http://127.0.0.1:0", "--db", "/nonexistent-folder/x.db");
            Assert.Equal(2, code);
            Assert.Contains(file + ":", err);
            Assert.DoesNotContain("listening", output);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
