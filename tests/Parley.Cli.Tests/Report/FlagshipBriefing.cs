using System.Text.Json;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Parley.Tests;

namespace Parley.Cli.Tests.Report;

/// <summary>Runs <c>parley report</c> on the flagship once (JSON summary) and keeps the parsed page for the tests of a class.</summary>
public sealed class FlagshipBriefing : IDisposable
{
    public FlagshipBriefing()
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("parley-report-");
        Path = System.IO.Path.Combine(Directory.FullName, "briefing.html");
        var (code, stdout, stderr) = CliRunner.Run("report", TestPaths.Example("ukraine-talks-2025.yaml"), "-o", Path, "--runs", "300", "--format", "json");
        Assert.True(code == 0, stderr);
        Html = File.ReadAllText(Path);
        Document = new HtmlParser().ParseDocument(Html);
        Summary = JsonDocument.Parse(stdout);
    }

    public DirectoryInfo Directory { get; }

    public string Path { get; }

    public string Html { get; }

    public IHtmlDocument Document { get; }

    public JsonDocument Summary { get; }

    public void Dispose()
    {
        Summary.Dispose();
        Document.Dispose();
        Directory.Delete(recursive: true);
    }
}
