using Microsoft.Playwright;
using Parley.Model;
using Parley.Talks.Access;
using Parley.Tests;
using Parley.Web.Tests;
using static Parley.Web.Tests.TalksServer;

namespace Parley.Web.BrowserTests;

/// <summary>
/// The mediator's desk in headless Chromium (docs/mediation.md): blind checks and consent on the demo talks;
/// a single-text round and a bidding round in talks whose S5 (the mediator's entry stage) is open.
/// Screenshots <c>desk-*.png</c> go to <c>screenshots/</c> under the test output folder.
/// </summary>
public sealed class DeskUiTests
{
    private const string DeskTalks = "desk-talks";

    private static readonly object AllConsent = new { weights = true, reservation = true, redLines = true, named = true };

    /// <summary>Opens the flagship with S1–S4 done as <see cref="DeskTalks"/> and RU opens S5; its tokens are named <c>desk:ROLE</c>.</summary>
    private static async Task OpenAtS5Async(TalksServer s)
    {
        var flagship = DemoTalks.Scenario();
        var beforeS5 = flagship with
        {
            Process = flagship.Process! with
            {
                Stages = flagship.Process.Stages.Select(st => st with { Status = st.Id is "S1" or "S2" or "S3" or "S4" ? StageStatus.Done : StageStatus.Pending }).ToValueList(),
            },
        };
        var created = await s.Service.CreateAsync(beforeS5, DeskTalks);
        foreach (var t in created.Tokens)
        {
            s.AddToken("desk:" + (t.Kind switch { RoleKind.Party => t.Party!, RoleKind.Mediator => "mediator", _ => "observer" }), t.Token);
        }

        await s.PostOkAsync($"/api/talks/{DeskTalks}/stages/S5/open", "desk:RU");
    }

    private static async Task<IPage> OpenAsync(IBrowser browser, TalksServer s, string role)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync($"{s.BaseAddress}#token={s.Tokens[role]}");
        await page.GetByTestId("desk").WaitForAsync();
        await Assertions.Expect(page.GetByTestId("live")).ToHaveTextAsync("live");
        return page;
    }

    private static ILocator Row(IPage page, string check) => page.Locator($"[data-testid=blind-result][data-check='{check}']");

    private static async Task CheckAsync(IPage mediator, string rule, params string[] parties)
    {
        var form = mediator.GetByTestId("blind-check-form");
        foreach (var p in parties)
        {
            await form.Locator($"input[name=party][value={p}]").CheckAsync();
        }

        await form.GetByLabel("rule").SelectOptionAsync(rule);
        await form.GetByRole(AriaRole.Button, new() { Name = "Check" }).ClickAsync();
    }

    [ChromiumFact]
    public async Task BlindCheck_MediatorSeesTheAnswers_AndEachPartyTheChecksOnItsData()
    {
        await using var s = await StartAsync();
        const string Api = "/api/talks/" + TalksId;
        foreach (var p in new[] { "RU", "US", "EU" })
        {
            await s.PostOkAsync(Api + "/blind/consent", p, AllConsent);
        }

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);

        // UA consents on its own page.
        var ua = await OpenAsync(browser, s, "UA");
        await Assertions.Expect(ua.GetByTestId("consent-status")).ToHaveTextAsync("not consented");
        var consent = ua.GetByTestId("consent-form");
        foreach (var part in new[] { "weights and scores", "reservation value", "red lines", "results may name me" })
        {
            await consent.GetByLabel(part).CheckAsync();
        }

        await consent.GetByRole(AriaRole.Button, new() { Name = "Save consent" }).ClickAsync();
        await Assertions.Expect(ua.GetByTestId("consent-status")).ToHaveTextAsync("weights and scores, reservation value, red lines; may be named");

        var mediator = await OpenAsync(browser, s, "mediator");
        await Assertions.Expect(mediator.GetByTestId("desk-consents")).ToContainTextAsync("UA");
        await Assertions.Expect(mediator.GetByTestId("budget-T")).ToHaveTextAsync("10 of 10");
        // Before S5 the mediator sits at no table: it checks, but tables no text.
        await Assertions.Expect(mediator.GetByTestId("single-text-new")).ToContainTextAsync("(from S5)");
        Assert.Equal(0, await mediator.GetByTestId("table-text").CountAsync());

        // All four: no agreement, the zone empty, the clash named (RU and UA consented to be named).
        await CheckAsync(mediator, "max-min-gain", "RU", "UA", "US", "EU");
        await Assertions.Expect(Row(mediator, "T.C1")).ToContainTextAsync("no agreement");
        await Assertions.Expect(Row(mediator, "T.C1")).ToContainTextAsync("clashing: ");
        await Assertions.Expect(Row(mediator, "T.C1")).ToContainTextAsync("red lines to move: 1");

        // UA, US, EU under the Nash rule: an agreement and the package the API answered.
        await CheckAsync(mediator, "nash", "UA", "US", "EU");
        await Assertions.Expect(Row(mediator, "T.C2")).ToContainTextAsync("agreement");
        await Assertions.Expect(Row(mediator, "T.C2")).Not.ToContainTextAsync("no agreement");
        var desk = await s.GetJsonAsync(Api + "/blind", "mediator");
        var package = desk.GetProperty("checks")[1].GetProperty("answer").GetProperty("package").EnumerateObject().ToDictionary(x => x.Name, x => x.Value.GetString());
        Assert.NotEmpty(package);
        var shown = await Row(mediator, "T.C2").GetByTestId("check-package").InnerTextAsync();
        Assert.All(package, kv => Assert.Contains($"{kv.Key}={kv.Value}", shown, StringComparison.Ordinal));
        await Assertions.Expect(Row(mediator, "T.C2")).ToContainTextAsync(">100");
        await Assertions.Expect(mediator.GetByTestId("budget-T")).ToHaveTextAsync("8 of 10");
        await Chromium.ScreenshotAsync(mediator, "desk-mediator");

        // UA's open page lists both checks made on its data (live); RU's only the first; NATO's none.
        await Assertions.Expect(Row(ua, "T.C1")).ToContainTextAsync("no agreement");
        await Assertions.Expect(Row(ua, "T.C2")).ToContainTextAsync(shown);
        await Chromium.ScreenshotAsync(ua, "desk-party-UA");
        var ru = await OpenAsync(browser, s, "RU");
        await Assertions.Expect(Row(ru, "T.C1")).ToBeVisibleAsync();
        Assert.Equal(0, await Row(ru, "T.C2").CountAsync());
        var nato = await OpenAsync(browser, s, "NATO");
        await Assertions.Expect(nato.GetByTestId("blind-results")).ToContainTextAsync("No check has used your data.");

        // UA revokes: the mediator's next check over UA is refused, the rule shown by the form.
        await ua.GetByTestId("consent-form").GetByRole(AriaRole.Button, new() { Name = "Revoke" }).ClickAsync();
        await Assertions.Expect(ua.GetByTestId("consent-status")).ToHaveTextAsync("not consented");
        await CheckAsync(mediator, "nash", "UA", "US", "EU");
        await Assertions.Expect(mediator.GetByTestId("check-error")).ToContainTextAsync("Rule blind-consent: UA has not consented");
        await Assertions.Expect(mediator.GetByTestId("budget-T")).ToHaveTextAsync("8 of 10");
    }

    [ChromiumFact]
    public async Task SingleText_TableMarkReviseSign_EndToEnd()
    {
        await using var s = await StartAsync();
        await OpenAtS5Async(s);
        // UA lets the mediator see its name among objectors; RU and US do not.
        await s.PostOkAsync($"/api/talks/{DeskTalks}/blind/consent", "desk:UA", AllConsent);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var mediator = await OpenAsync(browser, s, "desk:mediator");

        // The mediator tables round 1.
        var table = mediator.GetByTestId("table-text");
        await table.GetByLabel("text stage").SelectOptionAsync("S5");
        foreach (var (issue, option) in new[] { ("C", "C2"), ("T", "T2"), ("G", "G3") })
        {
            await table.GetByLabel($"text {issue}", new() { Exact = true }).SelectOptionAsync(option);
        }

        await table.GetByLabel("text note").FillAsync("first draft");
        await table.GetByRole(AriaRole.Button, new() { Name = "Table text" }).ClickAsync();
        var text = mediator.GetByTestId("single-text-S5");
        await Assertions.Expect(mediator.GetByTestId("text-round-S5")).ToHaveTextAsync("Round 1");
        await Assertions.Expect(mediator.GetByTestId("marked-S5")).ToContainTextAsync("0 of 3 participants marked");

        // Each participant marks privately on its own page.
        var parties = new Dictionary<string, IPage>();
        foreach (var p in new[] { "RU", "UA", "US" })
        {
            parties[p] = await OpenAsync(browser, s, "desk:" + p);
            await Assertions.Expect(parties[p].GetByTestId("text-round-S5")).ToHaveTextAsync("Round 1");
        }

        await MarkAsync(parties["RU"], 1, ("C", "acceptable"), ("T", "acceptable"), ("G", "needs-change"));
        await MarkAsync(parties["UA"], 1, ("C", "acceptable"), ("T", "needs-change"), ("G", "acceptable"));
        await MarkAsync(parties["US"], 1, ("C", "acceptable"), ("T", "needs-change"), ("G", "acceptable"));
        await Chromium.ScreenshotAsync(parties["UA"], "desk-party-single-text");

        // Marks reach the mediator's open page live, as counts only: marks are no events of its share, but its feed
        // says its desk changed and the page reads the desk again (no Refresh click).
        await Assertions.Expect(mediator.GetByTestId("marked-S5")).ToContainTextAsync("3 of 3 participants marked");
        await Assertions.Expect(mediator.GetByTestId("objections-C")).ToHaveTextAsync("0");
        await Assertions.Expect(mediator.GetByTestId("objections-T")).ToHaveTextAsync("2");
        await Assertions.Expect(mediator.GetByTestId("objections-G")).ToHaveTextAsync("1");
        var tRow = text.Locator("tr", new() { Has = mediator.GetByTestId("objections-T") });
        await Assertions.Expect(tRow).ToContainTextAsync("UA");
        await Assertions.Expect(tRow).Not.ToContainTextAsync("US");
        await Chromium.ScreenshotAsync(mediator, "desk-mediator-single-text");

        // The mediator revises T; the parties' open pages show round 2 live, and they mark again.
        var revise = mediator.GetByTestId("revise-S5");
        await revise.GetByLabel("text T", new() { Exact = true }).SelectOptionAsync("T3");
        await revise.GetByLabel("text note").FillAsync("T moved");
        await revise.GetByRole(AriaRole.Button, new() { Name = "Revise" }).ClickAsync();
        await Assertions.Expect(mediator.GetByTestId("text-round-S5")).ToHaveTextAsync("Round 2");
        foreach (var (p, page) in parties)
        {
            await Assertions.Expect(page.GetByTestId("text-round-S5")).ToHaveTextAsync("Round 2");
            await MarkAsync(page, 2, ("C", "acceptable"), ("T", "acceptable"), ("G", "acceptable"));
        }

        await Assertions.Expect(mediator.GetByTestId("marked-S5")).ToContainTextAsync("3 of 3 participants marked");
        foreach (var issue in new[] { "C", "T", "G" })
        {
            await Assertions.Expect(mediator.GetByTestId($"objections-{issue}")).ToHaveTextAsync("0");
        }

        await Assertions.Expect(text.Locator("details")).ToContainTextAsync("Earlier rounds (1)");

        // Send to signature: every participant accepts, then signs, on its own page.
        await mediator.GetByTestId("send-S5").ClickAsync();
        await Assertions.Expect(mediator.GetByTestId("signature-S5")).ToContainTextAsync("awaiting signatures");
        await Assertions.Expect(text).ToContainTextAsync("S5.mediator.P1");
        foreach (var page in parties.Values)
        {
            await page.GetByTestId("single-text-S5").GetByRole(AriaRole.Button, new() { Name = "Accept text" }).ClickAsync();
            await Assertions.Expect(page.GetByTestId("signature-S5")).ToContainTextAsync("accepted");
        }

        foreach (var (p, page) in parties)
        {
            await Assertions.Expect(page.GetByTestId("signature-S5")).ToContainTextAsync("US accepted");
            await page.GetByTestId("single-text-S5").GetByRole(AriaRole.Button, new() { Name = "Sign text" }).ClickAsync();
            await Assertions.Expect(page.GetByTestId("signature-S5")).ToContainTextAsync($"{p} signed");
        }

        await Assertions.Expect(mediator.GetByTestId("signature-S5")).ToContainTextAsync("agreement signed");
        await Assertions.Expect(mediator.GetByTestId("proposals")).ToContainTextAsync("US signed");
        await Assertions.Expect(parties["RU"].GetByTestId("signature-S5")).ToContainTextAsync("agreement signed");
        await Chromium.ScreenshotAsync(mediator, "desk-mediator-signed");

        var signed = await s.GetJsonAsync($"/api/talks/{DeskTalks}/proposals/S5.mediator.P1", "desk:UA");
        Assert.Equal(["RU", "UA", "US"], signed.GetProperty("signedBy").EnumerateArray().Select(x => x.GetString()).Order());
        Assert.Equal("T3", signed.GetProperty("package").GetProperty("T").GetString());
    }

    [ChromiumFact]
    public async Task BlindBidding_SettlesAtTheMidpoint_AndShowsOnlyOwnBids()
    {
        await using var s = await StartAsync();
        await OpenAtS5Async(s);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var mediator = await OpenAsync(browser, s, "desk:mediator");

        var open = mediator.GetByTestId("open-round");
        await open.GetByLabel("subject").FillAsync("troop ceiling");
        await open.GetByLabel("min", new() { Exact = true }).FillAsync("0");
        await open.GetByLabel("max", new() { Exact = true }).FillAsync("1000");
        await open.GetByLabel("unit").FillAsync("thousand");
        await open.GetByRole(AriaRole.Button, new() { Name = "Open round" }).ClickAsync();
        const string Round = "S5.mediator.B1";
        await Assertions.Expect(mediator.GetByTestId("blind-bids")).ToContainTextAsync("waiting for 3 of 3");

        var bids = new[] { ("RU", "at-least", "100"), ("UA", "at-most", "300"), ("US", "at-most", "200") };
        foreach (var (p, side, bound) in bids)
        {
            var page = await OpenAsync(browser, s, "desk:" + p);
            var form = page.GetByTestId($"bid-form-{Round}");
            await form.GetByLabel($"side {Round}").SelectOptionAsync(side);
            await form.GetByLabel($"bound {Round}").FillAsync(bound);
            await form.GetByRole(AriaRole.Button, new() { Name = "Bid" }).ClickAsync();
            await Assertions.Expect(page.GetByTestId("blind-bids")).ToContainTextAsync($"{side.Replace('-', ' ')} {bound}");
            if (p == "UA")
            {
                Assert.DoesNotContain("at least 100", await page.GetByTestId("blind-bids").InnerTextAsync(), StringComparison.Ordinal);
            }
        }

        // The overlap [100, 200] settles at 150; no bid is shown to the mediator.
        await Assertions.Expect(mediator.GetByTestId("blind-bids")).ToContainTextAsync("settled at 150 thousand");
        var shown = await mediator.GetByTestId("blind-bids").InnerTextAsync();
        Assert.DoesNotContain("300", shown.Replace("1000", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("at most", shown, StringComparison.Ordinal);
        await Assertions.Expect(mediator.GetByTestId("budget-S5")).ToHaveTextAsync("9 of 10");
        await Chromium.ScreenshotAsync(mediator, "desk-mediator-bidding");
    }

    private static async Task MarkAsync(IPage page, int round, params (string Issue, string Mark)[] marks)
    {
        var form = page.GetByTestId("marks-S5");
        foreach (var (issue, mark) in marks)
        {
            await form.GetByLabel($"mark {issue}").SelectOptionAsync(mark);
        }

        await form.GetByRole(AriaRole.Button, new() { Name = "Send marks" }).ClickAsync();
        await Assertions.Expect(form).ToContainTextAsync($"you marked round {round}");
    }
}
