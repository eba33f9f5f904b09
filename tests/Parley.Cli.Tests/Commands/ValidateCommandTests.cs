using Parley.Cli;
using Parley.Tests;

namespace Parley.Cli.Tests.Commands;

public sealed class ValidateCommandTests
{
    [Fact]
    public void Validate_EveryExample_ExitsZero()
    {
        // Tournament configs (examples/tournament.yaml) are not scenarios; `parley tournament` checks them.
        foreach (var file in Directory.GetFiles(TestPaths.Examples, "*.yaml").Where(f => !File.ReadAllText(f).Contains("\ntournament: 1", StringComparison.Ordinal)))
        {
            var (code, _, err) = CliRunner.Run("validate", file);
            Assert.True(code == 0, $"{file}: {err}");
        }
    }

    [Fact]
    public void Validate_MissingFile_ExitsTwoWithLocatedError()
    {
        var (code, _, err) = CliRunner.Run("validate", "no-such-file.yaml");

        Assert.Equal(2, code);
        Assert.StartsWith("no-such-file.yaml:1:1: error: no such file", err.Trim());
    }
}
