using System.Text.Json;
using System.Text.RegularExpressions;
using Parley.Tests;

namespace Parley.Cli.Tests.Commands;

public sealed partial class ValidateCommandTests
{
    private static readonly string InvalidFolder = Path.Combine(TestPaths.RepoRoot, "tests", "Parley.Core.Tests", "Scenarios", "Invalid");

    [Fact]
    public void Validate_EveryExample_ExitsZero()
    {
        // Tournament configs (examples/tournament.yaml) are not scenarios; `parley tournament` checks them.
        var files = Directory.GetFiles(TestPaths.Examples, "*.yaml").Where(f => !File.ReadAllText(f).Contains("\ntournament: 1", StringComparison.Ordinal)).ToArray();
        Assert.True(files.Length >= 3, "expected the flagship and two classic examples");
        foreach (var file in files)
        {
            var (code, output, err) = CliRunner.Run("validate", file);
            Assert.True(code == 0, $"{file}: {err}");
            Assert.Contains($"{file}: ok (", output, StringComparison.Ordinal);
            Assert.Empty(err);
        }
    }

    [Fact]
    public void Validate_MissingFile_ExitsTwoWithLocatedError()
    {
        var (code, _, err) = CliRunner.Run("validate", "no-such-file.yaml");

        Assert.Equal(2, code);
        Assert.StartsWith("no-such-file.yaml:1:1: error: no such file", err.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_Directory_SaysSo() =>
        Assert.Contains("is a directory", CliRunner.Run("validate", TestPaths.Examples).Err, StringComparison.Ordinal);

    [Fact]
    public void Validate_EveryMalformedScenario_PrintsOnlyCompilerStyleErrorsAndExitsTwo()
    {
        var files = Directory.GetFiles(InvalidFolder, "*.yaml");
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            var (code, output, err) = CliRunner.Run("validate", file);

            Assert.True(code == 2, $"{file}: exit {code}");
            Assert.Empty(output);
            var lines = err.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            Assert.NotEmpty(lines);
            Assert.All(lines, line => Assert.Matches(ErrorLine(), line));
            Assert.All(lines, line => Assert.StartsWith(file + ":", line, StringComparison.Ordinal));
            Assert.DoesNotContain("   at ", err, StringComparison.Ordinal);
            Assert.DoesNotContain("Exception", err, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Validate_GoodAndBadFiles_ReportsBothAndExitsTwo()
    {
        var good = TestPaths.Example("job-offer.yaml");
        var bad = Path.Combine(InvalidFolder, "stage-cycle.yaml");

        var (code, output, err) = CliRunner.Run("validate", good, bad);

        Assert.Equal(2, code);
        Assert.Contains($"{good}: ok (2 parties, 4 issues, 210 packages)", output, StringComparison.Ordinal);
        Assert.Contains($"{bad}:11:45: error: stages depend on each other in a cycle: S1 after S3 after S2 after S1", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_Json_ListsDiagnosticsPerFile()
    {
        var bad = Path.Combine(InvalidFolder, "several-errors.yaml");

        var (code, output, _) = CliRunner.Run("validate", bad, TestPaths.Example("job-offer.yaml"), "--format", "json");

        Assert.Equal(2, code);
        using var json = JsonDocument.Parse(output);
        var files = json.RootElement.GetProperty("files");
        Assert.False(files[0].GetProperty("valid").GetBoolean());
        var first = files[0].GetProperty("diagnostics")[0];
        Assert.Equal(("error", 10, 19), (first.GetProperty("severity").GetString(), first.GetProperty("line").GetInt32(), first.GetProperty("column").GetInt32()));
        Assert.Equal(5, files[0].GetProperty("diagnostics").GetArrayLength());
        Assert.True(files[1].GetProperty("valid").GetBoolean());
    }

    [Fact]
    public void Validate_OversizedFile_RejectedBeforeReading()
    {
        var path = Path.Combine(Path.GetTempPath(), $"parley-big-{Guid.NewGuid():N}.yaml");
        try
        {
            using (var stream = File.Create(path))
            {
                stream.SetLength(50L * 1024 * 1024); // sparse on most file systems: no 50 MB written
            }

            var (code, _, err) = CliRunner.Run("validate", path);

            Assert.Equal(2, code);
            Assert.Contains($"{path}:1:1: error: file is 50 MB; scenario files are limited to 8 MB", err, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Validate_BinaryFile_IsLocated()
    {
        var path = Path.Combine(Path.GetTempPath(), $"parley-bin-{Guid.NewGuid():N}.yaml");
        try
        {
            File.WriteAllBytes(path, [.. "parley: 1\n"u8, 0x7F, 0x45, 0x4C, 0x46, 0x00, 0x01]);

            var (code, _, err) = CliRunner.Run("validate", path);

            Assert.Equal(2, code);
            Assert.StartsWith($"{path}:2:5: error: binary data (byte 0x00)", err, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Validate_WarningsOnly_ExitsZeroAndPrintsThem()
    {
        var path = Path.Combine(Path.GetTempPath(), $"parley-warn-{Guid.NewGuid():N}.yaml");
        try
        {
            // simulation: and forecast: are typed now; a conflict ranking that leaves out a feasible state only warns.
            File.WriteAllText(path, "parley: 1\nid: w\nparties: [{id: A}, {id: B}]\nconflict:\n  decision_makers:\n"
                + "    - {id: A, options: [a], ranking: [YN, [NN, YY]]}\n    - {id: B, options: [b], preferences: [b]}\n  infeasible: [\"a and b\"]\n");

            var (code, output, err) = CliRunner.Run("validate", path);

            Assert.Equal(0, code);
            Assert.Contains($"{path}: ok (2 parties, no issues)", output, StringComparison.Ordinal);
            Assert.StartsWith($"{path}:6:7: warning: ranking of 'A' leaves out 1 feasible state (NY)", err.Trim(), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [GeneratedRegex(@"^.+:\d+:\d+: error: \S.*$")]
    private static partial Regex ErrorLine();
}
