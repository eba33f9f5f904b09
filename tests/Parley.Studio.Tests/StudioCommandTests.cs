using Parley.Cli;

namespace Parley.Studio.Tests;

/// <summary><c>parley studio FILE</c> refuses a file that is not YAML before it starts a server: exit 2 with FILE:LINE:COL.</summary>
public sealed class StudioCommandTests
{
    [Fact]
    public void Studio_OnAFileThatIsNotYaml_Exits2_WithItsLocation()
    {
        var folder = Directory.CreateTempSubdirectory("parley-studio-cli-").FullName;
        var file = Path.Combine(folder, "broken.yaml");
        File.WriteAllText(file, "parley: 1\nparties: [RU, UA\nissues: x\n");
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var code = CliApp.Run(["studio", file, "--no-browser"], stdout, stderr);

        Assert.Equal(2, code);
        Assert.Matches(@"broken\.yaml:\d+:\d+: error: ", stderr.ToString());
        Assert.DoesNotContain("Parley studio:", stdout.ToString(), StringComparison.Ordinal);
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public void Studio_WithABadOption_Exits2_WithUsage()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var code = CliApp.Run(["studio", "--urls"], stdout, stderr);

        Assert.Equal(2, code);
        Assert.Contains("parley studio --help", stderr.ToString(), StringComparison.Ordinal);
    }
}
