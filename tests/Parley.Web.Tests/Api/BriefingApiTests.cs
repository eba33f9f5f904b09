using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Parley.Report;
using static Parley.Web.Tests.TalksServer;

namespace Parley.Web.Tests.Api;

/// <summary>
/// GET /api/talks/{id}/briefing on the demo talks: the live state (stages, expired deadlines), the outlook
/// restarting from it, and each caller's briefing computed only on what it may see, in both directions.
/// </summary>
public sealed class BriefingApiTests
{
    private const string Talks = "/api/talks/" + TalksId;

    /// <summary>Few runs: these tests check what goes in, not the lens's precision.</summary>
    private const string Fast = "?runs=100";

    private const string RuMarker = "RU-MARKER-7f3a1c";
    private const string UaMarker = "UA-MARKER-9e1d2b";
    private const string S2Contents = "S2-CONTENTS-MARKER-44aa";

    private static readonly string[] Everyone = ["RU", "UA", "US", "EU", "NATO", "mediator", "observer", "organiser", "public"];

    private static async Task<string> HtmlAsync(TalksServer s, string role, string query = Fast)
    {
        using var response = await s.SendAsync(HttpMethod.Get, Talks + "/briefing" + query, role);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"briefing as {role}: {(int)response.StatusCode} {body}");
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("no-store", response.Headers.CacheControl!.ToString());
        return body;
    }

    private static string Section(string html, string id) =>
        Regex.Match(html, $"<section id=\"{id}\".*?</section>", RegexOptions.Singleline).Value;

    /// <summary>An attribute of the element with the given id (the writer puts the id first).</summary>
    private static string Attr(string html, string id, string name) =>
        Regex.Match(html, $"id=\"{id}\"[^>]*? {name}=\"([^\"]*)\"").Groups[1].Value;

    private static string StageStatus(string html, string stage) =>
        Regex.Match(html, $"data-stage=\"{stage}\" data-status=\"([a-z]+)\"").Groups[1].Value;

    private static async Task ExpireBothDeadlinesAsync(TalksServer s)
    {
        s.Time.SetUtcNow(new DateTimeOffset(2025, 9, 3, 9, 0, 0, TimeSpan.Zero));
        await s.Service.ExpireDueDeadlinesAsync();
    }

    private static async Task DiscloseAsync(TalksServer s, params string[] parties)
    {
        foreach (var party in parties)
        {
            await s.PostOkAsync(Talks + "/disclosures", party, new { weights = true, scores = true, reservation = true });
        }
    }

    /// <summary>Replaces a party's position by its own with one more red line carrying <paramref name="marker"/> in its id and note.</summary>
    private static async Task SubmitWithMarkerAsync(TalksServer s, string party, string marker)
    {
        var own = await s.GetJsonAsync(Talks + "/position", party);
        var redLines = JsonSerializer.Deserialize<List<JsonElement>>(own.GetProperty("redLines").GetRawText())!;
        redLines.Add(JsonSerializer.SerializeToElement(new { id = marker + "-line", rule = "C in [C1, C2, C3, C4]", note = "note " + marker }));
        await s.PostOkAsync(Talks + "/position", party, new
        {
            weights = own.GetProperty("weights"),
            scores = own.GetProperty("scores"),
            reservation = own.GetProperty("reservation").GetDouble(),
            redLines,
            notes = "notes " + marker,
        }, HttpMethod.Put);
    }

    [Fact]
    public async Task Briefing_OfTheDemoTalks_ShowsS2Open_AndTheTwoExpiredDeadlines()
    {
        await using var s = await StartAsync();
        await ExpireBothDeadlinesAsync(s);

        var html = await HtmlAsync(s, "observer");

        Assert.Equal("S1", Attr(html, "live-stages", "data-done"));
        Assert.Equal("S2", Attr(html, "live-stages", "data-open"));
        // The two-weeks deadline stalled the bilateral leaders' meeting.
        Assert.Equal("S4", Attr(html, "live-stages", "data-stalled"));
        Assert.Equal("D-aug8,D-two-weeks", Attr(html, "live-deadlines", "data-expired"));
        Assert.Equal("D-aug8", Attr(html, "live-deadlines", "data-pressure-steps"));
        Assert.Equal("open", StageStatus(html, "S2"));
        var deadlines = Regex.Match(Section(html, "situation"), "<table id=\"deadlines\".*?</table>", RegexOptions.Singleline).Value;
        Assert.Equal(2, Regex.Count(deadlines, "<td>expired</td>"));
        Assert.Equal(["live", "situation", "stability", "agreement", "outlook", "forecast"],
            Regex.Matches(html, "<section id=\"([a-z]+)\"").Select(m => m.Groups[1].Value));
    }

    [Fact]
    public async Task Briefing_AfterS2Closes_ShowsS2Done_DiffersFromTheScenarios_AndTheOutlookRestartsFromIt()
    {
        await using var s = await StartAsync();
        await ExpireBothDeadlinesAsync(s);
        await DiscloseAsync(s, "RU", "UA", "US", "EU");
        var before = await HtmlAsync(s, "mediator");

        await s.PostOkAsync(Talks + "/stages/S2/close", "RU", new { outcome = "done" });
        await s.PostOkAsync(Talks + "/stages/S2/close", "UA", new { outcome = "done" });
        var after = await HtmlAsync(s, "mediator");

        // The scenario's own briefing still shows S2 open.
        var file = BriefingBuilder.Build(ReportContext.For(DemoTalks.Scenario(), "ukraine-talks-2025.yaml", new string('0', 64), new ReportOptions(100, 1, null)),
            BriefingBuilder.DefaultSections()).Html;
        Assert.Equal("open", StageStatus(file, "S2"));
        Assert.Equal("open", StageStatus(before, "S2"));
        Assert.Equal("done", StageStatus(after, "S2"));
        Assert.Equal("S1,S2", Attr(after, "live-stages", "data-done"));
        Assert.Equal("", Attr(after, "live-stages", "data-open"));

        // The outlook runs (four parties disclosed) and restarts from the live state: from the fake clock's day, S2 done.
        var outlookBefore = Section(before, "outlook");
        var outlookAfter = Section(after, "outlook");
        Assert.Contains("data-status=\"available\"", outlookAfter);
        Assert.Contains("data-start=\"2025-09-03\"", outlookAfter);
        Assert.Contains("S2 open", outlookBefore);
        Assert.Contains("S2 done", outlookAfter);
        Assert.NotEqual(outlookBefore, outlookAfter);
        Assert.DoesNotContain("from 2025-08-19", outlookAfter);
        Assert.Contains("from 2025-08-19", Section(file, "outlook"));

        // A stage the agreement needs fails: under the talks' rules nothing after it can open, and the outlook says so.
        await s.PostOkAsync(Talks + "/stages/S3/open", "RU");
        await s.PostOkAsync(Talks + "/stages/S3/close", "UA", new { outcome = "failed", reason = "no venue" });
        var failed = Section(await HtmlAsync(s, "mediator"), "outlook");
        Assert.Contains("data-blocked-by=\"S3\"", failed);
        Assert.Contains("data-p=\"0\"", failed);
    }

    [Fact]
    public async Task Briefing_OfAParty_HasItsOwnFindings_AndNoOtherPartysPrivateData_BothDirections()
    {
        await using var s = await StartAsync();
        await SubmitWithMarkerAsync(s, "RU", RuMarker);
        await SubmitWithMarkerAsync(s, "UA", UaMarker);
        // Stage contents of the bilateral S2: RU and UA may read them; the mediator (it enters at S5), EU and the observer not.
        await s.PostOkAsync(Talks + "/proposals", "RU", new { stage = "S2", package = new Dictionary<string, string> { ["V"] = "V3" }, note = S2Contents });

        var briefings = new Dictionary<string, string>();
        foreach (var role in Everyone)
        {
            briefings[role] = await HtmlAsync(s, role);
        }

        var ru = briefings["RU"];
        Assert.Contains(RuMarker + "-line", Section(ru, "agreement"));
        Assert.Contains("note " + RuMarker, Section(ru, "agreement"));
        Assert.Contains("data-own-position=\"RU\"", ru);
        Assert.Contains("RU: your own position", Section(ru, "live"));
        Assert.Contains(UaMarker + "-line", briefings["UA"]);
        Assert.Contains(S2Contents, ru);
        Assert.Contains(S2Contents, briefings["UA"]);
        foreach (var (role, html) in briefings)
        {
            if (role != "RU")
            {
                Assert.DoesNotContain(RuMarker, html);
                // RU's scenario red lines are its private data too.
                Assert.DoesNotContain("RU-donbas", html);
            }

            if (role != "UA")
            {
                Assert.DoesNotContain(UaMarker, html);
                Assert.DoesNotContain("UA-not-moscow", html);
            }

            if (role is not ("RU" or "UA"))
            {
                Assert.DoesNotContain(S2Contents, html);
            }
        }
    }

    [Fact]
    public async Task Briefing_OfTheMediator_UsesOnlyWhatWasDisclosedToIt()
    {
        await using var s = await StartAsync();
        var none = await HtmlAsync(s, "mediator");
        Assert.Contains("No party has disclosed its weights and scores to the mediator yet", none);
        Assert.Contains("data-status=\"no-input\"", Section(none, "agreement"));

        // RU discloses weights and scores only; UA also its reservation and one red line.
        await s.PostOkAsync(Talks + "/disclosures", "RU", new { weights = true, scores = true });
        await s.PostOkAsync(Talks + "/disclosures", "UA", new { weights = true, scores = true, reservation = true, redLines = new[] { "UA-not-moscow" } });
        var html = await HtmlAsync(s, "mediator");

        var live = Section(html, "live");
        Assert.Contains("RU: disclosed weights, scores", live);
        Assert.Contains("UA: disclosed weights, scores, reservation, red lines UA-not-moscow", live);
        Assert.Equal("RU,UA", Attr(html, "live-basis", "data-private-data"));
        var agreement = Section(html, "agreement");
        Assert.Contains("data-status=\"available\"", agreement);
        Assert.Contains("Parties RU, UA", agreement);
        // Undisclosed red lines do not apply and are not named; the undisclosed parties' positions are not used.
        foreach (var undisclosed in new[] { "RU-donbas", "RU-no-nato-troops", "UA-no-withdrawal", "UA-real-guarantees", "US-no-ground-troops", "EU-no-recognition" })
        {
            Assert.DoesNotContain(undisclosed, html);
        }

        Assert.Contains("Left out of the tables", Section(html, "outlook"));
        Assert.Contains("US (S5, S6, S7, S8)", Section(html, "outlook"));
    }

    [Theory]
    [InlineData("observer")]
    [InlineData("organiser")]
    [InlineData("public")]
    public async Task Briefing_WithoutPrivateData_SaysSo_InsteadOfUsingTheScenarios(string role)
    {
        await using var s = await StartAsync();
        await s.PostOkAsync(Talks + "/statements", "UA", new { text = "A public word from Kyiv.", @public = true });

        var html = await HtmlAsync(s, role);

        Assert.Contains($"Private data are not available to the {role}", html);
        Assert.Equal("", Attr(html, "live-basis", "data-private-data"));
        Assert.Contains("data-status=\"no-input\"", Section(html, "agreement"));
        Assert.Contains("data-status=\"no-input\"", Section(html, "outlook"));
        Assert.Contains("A public word from Kyiv.", Section(html, "live"));
        foreach (var redLine in new[] { "RU-donbas", "UA-not-moscow", "US-no-ground-troops", "EU-no-recognition" })
        {
            Assert.DoesNotContain(redLine, html);
        }

        if (role == "public")
        {
            // The public sees no timeline: no stage, no deadline.
            Assert.DoesNotContain("senior negotiators appointed", html);
            Assert.DoesNotContain("D-two-weeks", html);
            Assert.DoesNotContain("version", Section(html, "live"));
        }
        else
        {
            Assert.Equal("S2", Attr(html, "live-stages", "data-open"));
        }
    }

    [Fact]
    public async Task Briefing_WrongToken_Is401_UnknownTalks_Is404_LikeEveryOtherRoute()
    {
        await using var s = await StartAsync();
        using var forged = await s.SendAsync(HttpMethod.Get, Talks + "/briefing", edit: r => r.Headers.Authorization = new("Bearer", "forged"));
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        Assert.Equal("application/problem+json", forged.Content.Headers.ContentType!.MediaType);

        using var unknown = await s.SendAsync(HttpMethod.Get, "/api/talks/no-such-talks/briefing");
        using var overview = await s.SendAsync(HttpMethod.Get, "/api/talks/no-such-talks");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType!.MediaType);
        var (a, b) = (await unknown.Content.ReadFromJsonAsync<JsonElement>(), await overview.Content.ReadFromJsonAsync<JsonElement>());
        Assert.Equal(b.GetProperty("detail").GetString(), a.GetProperty("detail").GetString());

        // Another talks' token is refused here as on every route.
        using var foreign = await s.SendAsync(HttpMethod.Get, "/api/talks/no-such-talks/briefing", "RU");
        using var foreignOverview = await s.SendAsync(HttpMethod.Get, "/api/talks/no-such-talks", "RU");
        Assert.Equal(foreignOverview.StatusCode, foreign.StatusCode);
    }

    [Theory]
    [InlineData("?runs=0", "runs")]
    [InlineData("?runs=20001", "runs")]
    [InlineData("?runs=many", "runs")]
    [InlineData("?seed=x", "seed")]
    [InlineData("?by=2025-13-01", "by")]
    [InlineData("?by=2020-01-01", "by")]
    [InlineData("?format=pdf", "format")]
    public async Task Briefing_BadParameter_Is400NamingIt(string query, string parameter)
    {
        await using var s = await StartAsync();
        using var response = await s.SendAsync(HttpMethod.Get, Talks + "/briefing" + query, "RU");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith(parameter + " ", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Briefing_IsDeterministic_AndItsJsonSummaryHasEverySection()
    {
        await using var s = await StartAsync();
        await DiscloseAsync(s, "RU", "UA");
        var query = Fast + "&seed=7&by=2025-09-01";
        Assert.Equal(await HtmlAsync(s, "mediator", query), await HtmlAsync(s, "mediator", query));

        using var response = await s.SendAsync(HttpMethod.Get, Talks + "/briefing" + query + "&format=json", "mediator");
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("mediator", json.GetProperty("talks").GetProperty("caller").GetString());
        Assert.Equal(7, json.GetProperty("inputs").GetProperty("seed").GetInt32());
        Assert.Equal("2025-09-01", json.GetProperty("inputs").GetProperty("by").GetString());
        Assert.Equal(["live", "situation", "stability", "agreement", "outlook", "forecast"],
            json.GetProperty("sections").EnumerateArray().Select(x => x.GetProperty("id").GetString()));
        Assert.Equal("available", json.GetProperty("sections")[4].GetProperty("status").GetString());
    }
}
