using System.Text.RegularExpressions;
using Parley.Cli;

namespace Parley.Cli.Tests;

/// <summary>Behaviour every command shares: version, help, usage errors and exit codes.</summary>
public sealed partial class CliAppTests
{
    public static TheoryData<string> Commands()
    {
        var data = new TheoryData<string>();
        foreach (var command in CliApp.BuildRoot().Subcommands)
        {
            data.Add(command.Name);
        }

        return data;
    }

    [Fact]
    public void Version_PrintsSemanticVersion_ExitsZero()
    {
        var (code, output, err) = CliRunner.Run("--version");

        Assert.Equal(0, code);
        Assert.Matches(VersionLine(), output.Trim());
        Assert.Empty(err);
    }

    [Fact]
    public void Help_Root_ListsValidateAndDescribe()
    {
        var (code, output, _) = CliRunner.Run("--help");

        Assert.Equal(0, code);
        Assert.Contains("validate", output, StringComparison.Ordinal);
        Assert.Contains("describe", output, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void Help_EveryCommand_ExitsZeroWithUsage(string command)
    {
        var (code, output, err) = CliRunner.Run(command, "--help");

        Assert.True(code == 0, $"{command} --help exited {code}: {err}");
        Assert.Contains("Usage:", output, StringComparison.Ordinal);
        Assert.Contains(command, output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("frobnicate")]
    [InlineData("validate", "--bogus", "x.yaml")]
    [InlineData("describe", "--bogus", "x.yaml")]
    [InlineData("describe")]
    [InlineData("validate")]
    [InlineData("describe", "a.yaml", "--format", "xml")]
    public void Usage_Error_ExitsTwoWithMessageAndNoStackTrace(params string[] args)
    {
        var (code, output, err) = CliRunner.Run(args);

        Assert.Equal(2, code);
        Assert.Empty(output);
        Assert.StartsWith("parley: error: ", err, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Usage_UnknownOption_NamesIt()
    {
        var (_, _, err) = CliRunner.Run("validate", "--bogus", "x.yaml");

        Assert.Contains("unknown option '--bogus'", err, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("parley --help", "frobnicate")]
    [InlineData("parley describe --help", "describe")]
    [InlineData("parley cluster workers --help", "cluster", "workers")]
    public void Usage_Error_PointsAtTheHelpOfTheCommandTyped(string hint, params string[] args)
    {
        var (_, _, err) = CliRunner.Run(args);

        Assert.Contains($"Run '{hint}' for usage.", err, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^\d+\.\d+\.\d+([-+][0-9A-Za-z.+-]*)?$")]
    private static partial Regex VersionLine();
}
