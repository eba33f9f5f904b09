using Parley.Tests;
using Microsoft.Playwright;
using Parley.Cli;

namespace Parley.Report.BrowserTests;

public sealed class BriefingInBrowserTests
{
    /// <summary>Screenshots and the PDF are kept with every browser test's screenshots (collected by .ci/run as artifacts).</summary>
    private static readonly string Artifacts = Directory.CreateDirectory(Chromium.Screenshots).FullName;

    [ChromiumFact]
    public async Task Briefing_Flagship_OpensWithoutErrorsOrRequestsAndIsScreenshotted()
    {
        var page = WriteFlagshipBriefing("briefing.html");
        var (playwright, browser) = await Browser.LaunchAsync();
        try
        {
            var tab = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1100, Height = 900 } });
            var errors = new List<string>();
            var requests = new List<string>();
            tab.Console += (_, message) =>
            {
                if (message.Type is "error" or "warning")
                {
                    errors.Add($"{message.Type}: {message.Text}");
                }
            };
            tab.PageError += (_, error) => errors.Add("page error: " + error);
            tab.Request += (_, request) =>
            {
                if (!request.Url.StartsWith("file:", StringComparison.Ordinal) && !request.Url.StartsWith("data:", StringComparison.Ordinal))
                {
                    requests.Add(request.Url);
                }
            };

            var response = await tab.GotoAsync(new Uri(page).AbsoluteUri, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
            Assert.NotNull(response);

            var shot = Path.Combine(Artifacts, "briefing.png");
            await tab.ScreenshotAsync(new PageScreenshotOptions { Path = shot, FullPage = true });

            Assert.Empty(errors);
            Assert.Empty(requests);
            Assert.Equal(["situation", "stability", "agreement", "outlook", "forecast"],
                await tab.EvalOnSelectorAllAsync<string[]>("main > section", "s => s.map(x => x.id)"));
            // Every figure is drawn with a real size, and nothing spills out sideways.
            var figureSizes = await tab.EvalOnSelectorAllAsync<double[]>("figure svg", "s => s.map(x => x.getBoundingClientRect().height)");
            Assert.NotEmpty(figureSizes);
            Assert.All(figureSizes, h => Assert.True(h > 50, $"figure height {h}"));
            Assert.True(await tab.EvaluateAsync<bool>("document.documentElement.scrollWidth <= document.documentElement.clientWidth"), "page scrolls sideways");
            // The agreement space's pairwise projections (four parties, six pairs) sit two to a row, each drawn at a readable size.
            var panels = await tab.EvalOnSelectorAllAsync<double[][]>("#fig-frontier .projection svg", "s => s.map(x => { const r = x.getBoundingClientRect(); return [r.left, r.width]; })");
            Assert.Equal(6, panels.Length);
            Assert.Equal(2, panels.Select(p => Math.Round(p[0])).Distinct().Count());
            Assert.All(panels, p => Assert.True(p[1] > 300, $"panel width {p[1]}"));
            var png = await File.ReadAllBytesAsync(shot);
            Assert.True(png.Length > 10_000 && png[1] == (byte)'P' && png[2] == (byte)'N' && png[3] == (byte)'G', "screenshot is not a PNG");
        }
        finally
        {
            await browser.CloseAsync();
            playwright.Dispose();
        }
    }

    [ChromiumFact]
    public async Task Briefing_Flagship_PrintsToPdfWithoutTheContentsList()
    {
        var page = WriteFlagshipBriefing("briefing-print.html");
        var (playwright, browser) = await Browser.LaunchAsync();
        try
        {
            var tab = await browser.NewPageAsync();
            await tab.GotoAsync(new Uri(page).AbsoluteUri);
            await tab.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });

            Assert.Equal("none", await tab.EvalOnSelectorAsync<string>("nav", "n => getComputedStyle(n).display"));
            Assert.Equal("avoid", await tab.EvalOnSelectorAsync<string>("figure", "f => getComputedStyle(f).breakInside"));
            Assert.Equal("avoid", await tab.EvalOnSelectorAsync<string>("#fig-frontier .projection", "p => getComputedStyle(p).breakInside"));
            var pdf = await tab.PdfAsync(new PagePdfOptions { Path = Path.Combine(Artifacts, "briefing.pdf"), PreferCSSPageSize = true, PrintBackground = true });
            Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(pdf, 0, 4));
        }
        finally
        {
            await browser.CloseAsync();
            playwright.Dispose();
        }
    }

    private static string WriteFlagshipBriefing(string name)
    {
        var path = Path.Combine(Artifacts, name);
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = CliApp.Run(["report", TestPaths.Flagship, "-o", path], stdout, stderr);
        Assert.True(code == 0, stderr.ToString());
        return path;
    }

}
