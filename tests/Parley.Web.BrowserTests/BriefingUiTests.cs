using Microsoft.Playwright;
using Parley.Tests;
using Parley.Web.Tests;
using static Parley.Web.Tests.TalksServer;

namespace Parley.Web.BrowserTests;

/// <summary>The talks page's Briefing button: fetches the caller's live briefing with its token and shows it in the page.</summary>
public sealed class BriefingUiTests
{
    [ChromiumFact]
    public async Task BriefingButton_ShowsTheCallersLiveBriefing_Styled_AndOffersToSaveIt()
    {
        await using var s = await StartAsync();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, m) =>
        {
            if (m.Type == "error" && m.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                errors.Add(m.Text);
            }
        };
        await page.GotoAsync($"{s.BaseAddress}#token={s.Tokens["RU"]}");
        await page.GetByTestId("talks-title").WaitForAsync();

        await page.GetByTestId("briefing-button").ClickAsync();
        var view = page.GetByTestId("briefing-view");
        await Assertions.Expect(view).ToContainTextAsync("Live briefing for party:RU", new() { Timeout = 60_000 });
        await Assertions.Expect(view).ToContainTextAsync("RU: your own position");
        await Assertions.Expect(view).ToContainTextAsync("Your red lines");
        Assert.StartsWith("briefing-ukraine-talks-2025-RU", await page.GetByTestId("briefing-save").GetAttributeAsync("download"));
        // The briefing's own styles apply inside the page (its banner is tinted), under the UI's strict CSP.
        var banner = await page.EvaluateAsync<string>("getComputedStyle(document.querySelector('[data-testid=briefing-view]').shadowRoot.getElementById('illustrative')).backgroundColor");
        Assert.Equal("rgb(255, 247, 224)", banner);
        var font = await page.EvaluateAsync<string>("getComputedStyle(document.querySelector('[data-testid=briefing-view]').shadowRoot.querySelector('main')).color");
        Assert.Equal("rgb(27, 27, 27)", font);
        Assert.True(errors.Count == 0, string.Join("\n", errors));

        // Its contents list scrolls within the briefing and leaves the talks page where it is.
        await view.Locator("nav a[href='#outlook']").ClickAsync();
        Assert.EndsWith("#/talks/" + TalksId, page.Url, StringComparison.Ordinal);
        await Assertions.Expect(page.GetByTestId("talks-title")).ToBeVisibleAsync();

        Directory.CreateDirectory(Chromium.Screenshots);
        await page.GetByTestId("briefing").ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(Chromium.Screenshots, "talks-RU-briefing.png") });
    }
}
