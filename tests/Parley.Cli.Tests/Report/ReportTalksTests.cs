using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Parley.Cli.Commands;
using Parley.Report;
using Parley.Talks.Access;
using Parley.Talks.Service;
using Parley.Web;

namespace Parley.Cli.Tests.Report;

/// <summary>The talks service in-process on a free 127.0.0.1 port, over a fresh SQLite file, with the demo talks open.</summary>
public sealed class DemoTalksServer : IAsyncLifetime
{
    private DirectoryInfo _dir = null!;

    public WebApplication App { get; private set; } = null!;

    /// <summary>The site, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public string Site { get; private set; } = "";

    public Dictionary<string, string> Tokens { get; } = [];

    public DirectoryInfo Output => _dir;

    public async Task InitializeAsync()
    {
        _dir = Directory.CreateTempSubdirectory("parley-report-talks-");
        App = await TalksWebApp.CreateAsync(new TalksWebOptions { Urls = "http://127.0.0.1:0", Db = Path.Combine(_dir.FullName, "talks.db"), RequestsPerSecondPerCaller = null });
        await App.StartAsync();
        Site = TalksWebApp.Addresses(App)[0].TrimEnd('/') + "/";
        var created = await DemoTalks.OpenAsync(App.Services.GetRequiredService<TalksService>());
        foreach (var token in created.Tokens)
        {
            Tokens[token.Kind == RoleKind.Party ? token.Party! : token.Kind.ToString().ToLowerInvariant()] = token.Token;
        }
    }

    public async Task DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _dir.Delete(recursive: true);
    }
}

public sealed class ReportTalksTests(DemoTalksServer server) : IClassFixture<DemoTalksServer>
{
    private string Api => server.Site + "api/talks/ukraine-talks-2025";

    private string Out(string name) => Path.Combine(server.Output.FullName, name);

    [Fact]
    public void ReportTalks_WritesTheCallersLiveBriefing()
    {
        var target = Out("ru.html");
        var (code, stdout, stderr) = CliRunner.Run("report", "--talks", Api, "--token", server.Tokens["RU"], "-o", target, "--runs", "50");

        Assert.True(code == 0, stderr);
        var html = File.ReadAllText(target);
        Assert.Contains("Live briefing for party:RU", html, StringComparison.Ordinal);
        Assert.Contains("RU: your own position", html, StringComparison.Ordinal);
        Assert.Contains("Wrote", stdout, StringComparison.Ordinal);
        Assert.Contains(target, stdout.Replace("\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void ReportTalks_TheUiAddressAndNoToken_GiveThePublicBriefing_AndJsonSaysWhere()
    {
        var target = Out("public.html");
        var (code, stdout, stderr) = CliRunner.Run("report", "--talks", server.Site + "#/talks/ukraine-talks-2025", "--out", target, "--runs", "50", "--format", "json");

        Assert.True(code == 0, stderr);
        Assert.Contains("Live briefing for public", File.ReadAllText(target), StringComparison.Ordinal);
        var json = JsonDocument.Parse(stdout).RootElement;
        Assert.Equal(target, json.GetProperty("output").GetString());
        Assert.Equal("ukraine-talks-2025", json.GetProperty("talks").GetString());
    }

    [Fact]
    public void ReportTalks_WrongToken_ExitsTwoWithTheServicesReason()
    {
        var (code, stdout, stderr) = CliRunner.Run("report", "--talks", Api, "--token", "forged", "-o", Out("x.html"));

        Assert.Equal(2, code);
        Assert.Contains("401", stderr, StringComparison.Ordinal);
        Assert.Contains("the token is not valid for these talks", stderr, StringComparison.Ordinal);
        Assert.Contains("--token", stderr, StringComparison.Ordinal);
        AssertNoTrace(stderr);
        Assert.Equal("", stdout);
        Assert.False(File.Exists(Out("x.html")));
    }

    [Fact]
    public void ReportTalks_UnknownTalks_ExitsTwoWith404()
    {
        var (code, _, stderr) = CliRunner.Run("report", "--talks", server.Site + "api/talks/no-such-talks", "-o", Out("y.html"));

        Assert.Equal(2, code);
        Assert.Contains("404", stderr, StringComparison.Ordinal);
        Assert.Contains("no such talks", stderr, StringComparison.Ordinal);
        AssertNoTrace(stderr);
    }

    [Fact]
    public void ReportTalks_RefusedParameter_ExitsTwoNamingIt()
    {
        var (code, _, stderr) = CliRunner.Run("report", "--talks", Api, "--token", server.Tokens["RU"], "-o", Out("z.html"), "--runs", "30000");

        Assert.Equal(2, code);
        Assert.Contains("400", stderr, StringComparison.Ordinal);
        Assert.Contains("runs must be a whole number between 1 and 20000", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void ReportTalks_NothingListening_ExitsOneWithoutAStackTrace()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        var (code, _, stderr) = CliRunner.Run("report", "--talks", $"http://127.0.0.1:{port}/api/talks/ukraine-talks-2025", "-o", Out("w.html"));

        Assert.Equal(1, code);
        Assert.StartsWith("parley: error: cannot reach the talks service", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("internal error", stderr, StringComparison.Ordinal);
        AssertNoTrace(stderr);
    }

    [Theory]
    [InlineData("--talks", "http://127.0.0.1:1/somewhere", "names no talks")]
    [InlineData("--talks", "ftp://127.0.0.1/api/talks/x", "is not an http(s) address")]
    [InlineData("--token", "abc", "give a scenario file, or --talks URL")]
    public void ReportTalks_BadUsage_ExitsTwo(string option, string value, string message)
    {
        var (code, _, stderr) = CliRunner.Run("report", option, value);

        Assert.Equal(2, code);
        Assert.Contains(message, stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_FileAndTalksTogether_IsAUsageError()
    {
        var (code, _, stderr) = CliRunner.Run("report", "scenario.yaml", "--talks", Api);

        Assert.Equal(2, code);
        Assert.Contains("not both", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_TokenWithAFile_IsAUsageError()
    {
        var (code, _, stderr) = CliRunner.Run("report", "scenario.yaml", "--token", "abc");

        Assert.Equal(2, code);
        Assert.Contains("--token goes with --talks", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://h:5000/api/talks/ukraine-talks-2025", "http://h:5000/", "ukraine-talks-2025")]
    [InlineData("http://h:5000/api/talks/ukraine-talks-2025/briefing", "http://h:5000/", "ukraine-talks-2025")]
    [InlineData("https://h/parley/api/talks/a%20b", "https://h/parley/", "a b")]
    [InlineData("http://h:5000/#/talks/ukraine-talks-2025", "http://h:5000/", "ukraine-talks-2025")]
    public void ParseTalks_FindsTheSiteAndTheTalks(string address, string site, string id)
    {
        var (s, talks) = ReportCommand.ParseTalks(address);

        Assert.Equal(site, s.ToString());
        Assert.Equal(id, talks);
        Assert.Equal($"{site}api/talks/{Uri.EscapeDataString(id)}/briefing?runs=1000&seed=1",
            ReportCommand.BriefingUri(s, talks, ReportOptions.Default).AbsoluteUri);
    }

    private static void AssertNoTrace(string stderr) => Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
}
