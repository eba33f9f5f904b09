using Microsoft.Playwright;
using Parley.Tests;
using Parley.Web.Tests;
using static Parley.Web.Tests.TalksServer;

namespace Parley.Web.BrowserTests;

/// <summary>
/// Signs in as each role in headless Chromium and checks that the page shows exactly that role's share.
/// Screenshots go to <c>screenshots/</c> under the test output folder.
/// </summary>
public sealed class TalksUiTests
{
    private const string Api = "/api/talks/" + TalksId;
    private const string RuPrivateNote = "RU-ONLY-note-e1f2";
    private const string UaDisclosure = "UA-TO-MEDIATOR-9a8b";
    private const string PrivateStatement = "PARTIES-ONLY-statement-77";
    private const string PublicStatement = "We remain ready to meet.";

    private static readonly string Screenshots = Chromium.Screenshots;

    private static Task<IBrowser> LaunchAsync(IPlaywright playwright) => Chromium.LaunchAsync(playwright);

    private static async Task SeedAsync(TalksServer s)
    {
        var own = await s.GetJsonAsync(Api + "/position", "RU");
        await s.PostOkAsync(Api + "/position", "RU", new
        {
            weights = own.GetProperty("weights"),
            scores = own.GetProperty("scores"),
            reservation = 55,
            redLines = own.GetProperty("redLines"),
            notes = RuPrivateNote,
        }, HttpMethod.Put);
        await s.PostOkAsync(Api + "/disclosures", "UA", new { weights = true, scores = true, reservation = true, note = UaDisclosure });
        await s.PostOkAsync(Api + "/disclosures", "RU", new { weights = true, scores = true });
        await s.PostOkAsync(Api + "/statements", "RU", new { text = PrivateStatement, @public = false });
        await s.PostOkAsync(Api + "/statements", "US", new { text = PublicStatement, @public = true });
        await s.PostOkAsync(Api + "/meetings", "UA", new { id = "M1", stage = "S2", venue = "V4", date = "2025-08-28" });
    }

    private static async Task<(IPage Page, string Text)> OpenAsync(IBrowser browser, TalksServer s, string role)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();
        var url = role == "public" ? $"{s.BaseAddress}#/talks/{TalksId}" : $"{s.BaseAddress}#token={s.Tokens[role]}";
        await page.GotoAsync(url);
        await page.GetByTestId("talks-title").WaitForAsync();
        await Assertions.Expect(page.GetByTestId("live")).ToHaveTextAsync("live");
        if (role is "RU" or "mediator")
        {
            await Assertions.Expect(page.GetByTestId("analysis-body")).Not.ToContainTextAsync("Loading");
        }

        Directory.CreateDirectory(Screenshots);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, $"talks-{role}.png"), FullPage = true });
        return (page, await page.InnerTextAsync("body"));
    }

    [ChromiumFact]
    public async Task EachRole_SeesExactlyItsShare()
    {
        await using var s = await StartAsync();
        await SeedAsync(s);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await LaunchAsync(playwright);

        var (_, pub) = await OpenAsync(browser, s, "public");
        Assert.Contains(PublicStatement, pub);
        Assert.Contains("Public view", pub);
        Assert.DoesNotContain(PrivateStatement, pub);
        Assert.DoesNotContain("Stages", pub);
        Assert.DoesNotContain("Deadlines", pub);

        var (observerPage, observer) = await OpenAsync(browser, s, "observer");
        Assert.Contains("Stages", observer);
        Assert.Contains("Deadlines", observer);
        Assert.Contains("UA: accepted", observer);
        Assert.Contains("RU: pending", observer);
        Assert.Contains(PublicStatement, observer);
        Assert.DoesNotContain(PrivateStatement, observer);
        Assert.Equal(0, await observerPage.GetByTestId("proposals").CountAsync());
        Assert.Equal(0, await observerPage.GetByTestId("position").CountAsync());

        var (ruPage, ru) = await OpenAsync(browser, s, "RU");
        Assert.Contains(RuPrivateNote, ru);
        Assert.Contains("Your position (private to RU)", ru);
        Assert.Contains(PrivateStatement, ru);
        Assert.DoesNotContain(UaDisclosure, ru);
        Assert.Equal("55", await ruPage.GetByTestId("reservation").InnerTextAsync());
        Assert.Equal(0, await ruPage.GetByTestId("mediator-desk").CountAsync());

        var (uaPage, ua) = await OpenAsync(browser, s, "UA");
        Assert.Contains(UaDisclosure, ua);
        Assert.DoesNotContain(RuPrivateNote, ua);
        Assert.Equal("40", await uaPage.GetByTestId("reservation").InnerTextAsync());

        var (mediatorPage, mediator) = await OpenAsync(browser, s, "mediator");
        Assert.Contains("Mediator desk", mediator);
        Assert.Contains(UaDisclosure, mediator);
        // Private statements are stage contents: the mediator reads none before it enters at S5.
        Assert.DoesNotContain(PrivateStatement, mediator);
        Assert.DoesNotContain(RuPrivateNote, mediator);
        Assert.Equal(0, await mediatorPage.GetByTestId("position").CountAsync());
        await Assertions.Expect(mediatorPage.GetByTestId("frontier-plot")).ToBeVisibleAsync();
    }

    [ChromiumFact]
    public async Task LiveFeed_UpdatesTheOpenPage_AndBrokenRulesAreShown()
    {
        await using var s = await StartAsync();
        await SeedAsync(s);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await LaunchAsync(playwright);
        var (observer, _) = await OpenAsync(browser, s, "observer");
        var (mediator, _) = await OpenAsync(browser, s, "mediator");

        // Another client appends: the observer's open page shows it without a reload.
        await s.PostOkAsync(Api + "/statements", "UA", new { text = "Geneva works for us.", @public = true });
        await Assertions.Expect(observer.GetByTestId("statements")).ToContainTextAsync("Geneva works for us.");

        // The mediator tries to confirm the bilateral M1 before it enters at S5: the rule is named on the page.
        await mediator.GetByRole(AriaRole.Button, new() { Name = "Confirm M1" }).ClickAsync();
        await Assertions.Expect(mediator.GetByTestId("mediator-desk")).ToContainTextAsync("Rule mediator-entry");

        // RU accepts Geneva in its own page; the observer sees the venue status change live.
        var (ru, _) = await OpenAsync(browser, s, "RU");
        await ru.GetByTestId("venue-actions").Locator("span.chip", new() { HasText = "V4 Geneva" }).GetByRole(AriaRole.Button, new() { Name = "accept" }).ClickAsync();
        await Assertions.Expect(observer.GetByTestId("meetings")).ToContainTextAsync("RU: accepted");
        await observer.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, "talks-observer-live.png"), FullPage = true });
    }
}
