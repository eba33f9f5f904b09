using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using static Parley.Web.Tests.TalksServer;

namespace Parley.Web.Tests.Api;

/// <summary>
/// The requests of the red-team report on main 0f7a536, replayed the way an attacker sends them, each
/// with the answer it must now get: no 500, no hidden version/id/count/key, no forged agreement, no
/// outsider wrecking a stage, revocation at once, bounded reads.
/// </summary>
public sealed class RedTeamTests
{
    private const string Talks = "/api/talks/" + TalksId;

    [Theory]
    [InlineData("/meetings", """{"venue":"V3"}""", "stage")]
    [InlineData("/meetings", """{"stage":"S2"}""", "venue")]
    [InlineData("/deadlines", """{"date":"2025-09-01","stage":"S2"}""", "name")]
    [InlineData("/deadlines", """{"name":"x","stage":"S2"}""", "date")]
    [InlineData("/deadlines", """{"name":"x","date":"2000-01-01","stage":"S2"}""", "date")]
    [InlineData("/proposals", """{"stage":"S2","package":{"V":null}}""", "package.V")]
    [InlineData("/proposals", """{"stage":"S2"}""", "package")]
    [InlineData("/statements", """{"public":true}""", "text")]
    [InlineData("/statements", """{"text":null,"public":true}""", "text")]
    [InlineData("/statements", """{"text":"x","public":"yes"}""", "$.public")]
    [InlineData("/negotiators", """{"role":"x"}""", "name")]
    [InlineData("/disclosures", """{"redLines":[null]}""", "redLines[0]")]
    [InlineData("/stages/S2/close", """{"outcome":"maybe"}""", "$.outcome")]
    [InlineData("/proposals", "[1,2", "$")]
    public async Task MalformedBody_Is4xxNamingTheField_Never500(string path, string body, string field)
    {
        await using var s = await StartAsync();
        using var response = await s.SendAsync(HttpMethod.Post, Talks + path, "RU", new StringContent(body, Encoding.UTF8, "application/json"));
        await AssertNamedClientError(response, field);
    }

    [Theory]
    [InlineData("""{"scores":{"C":null}}""", "position.scores.C")]
    [InlineData("""{"redLines":[null]}""", "position.redLines[0]")]
    [InlineData("""{"reservation":1e400}""", "$.reservation")]
    [InlineData("""{"reservation":"NaN"}""", "$.reservation")]
    [InlineData("""{"weights":{"C":-1}}""", "position.weights")]
    [InlineData("""{"weights":{"C":"Infinity"}}""", "$.weights.C")]
    public async Task MalformedPosition_Is4xxNamingTheField_AndKeepsTheStoredOne(string patch, string field)
    {
        await using var s = await StartAsync();
        var own = await s.GetJsonAsync(Talks + "/position", "UA");
        var merged = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(own.GetRawText())!;
        foreach (var (key, value) in JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(patch)!)
        {
            if (key == "scores" || key == "weights")
            {
                var inner = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(merged[key].GetRawText())!;
                foreach (var (k, v) in JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(value.GetRawText())!)
                {
                    inner[k] = v;
                }

                merged[key] = JsonSerializer.SerializeToElement(inner);
            }
            else
            {
                merged[key] = value;
            }
        }

        var text = JsonSerializer.Serialize(merged).Replace("\"reservation\":1E+400", "\"reservation\":1e400", StringComparison.Ordinal);
        using var response = await s.SendAsync(HttpMethod.Put, Talks + "/position", "UA", new StringContent(text, Encoding.UTF8, "application/json"));
        await AssertNamedClientError(response, field);
        Assert.Equal(own.GetRawText(), (await s.GetJsonAsync(Talks + "/position", "UA")).GetRawText());
    }

    [Fact]
    public async Task Anonymous_LearnsNoVersion_NoId_NoCount_NoKey()
    {
        await using var s = await StartAsync();
        await s.PostOkAsync(Talks + "/proposals", "RU", new { stage = "S2", package = new Dictionary<string, string> { ["V"] = "V3" } });
        await s.SendAsync(HttpMethod.Post, Talks + "/statements", "UA", new { text = "ua", @public = false }, r => r.Headers.Add("Idempotency-Key", "ua-key"));

        // Every write by the public is the same 403, whatever the version, id or key it names.
        var answers = new List<string>();
        foreach (var (path, edit) in new (string, Action<HttpRequestMessage>?)[]
        {
            ("/statements", r => r.Headers.IfMatch.Add(new("\"0\""))),
            ("/statements", r => r.Headers.IfMatch.Add(new("\"999\""))),
            ("/proposals/S2.RU.P1/accept", null),
            ("/proposals/S2.RU.P7/accept", null),
            ("/statements", r => r.Headers.Add("Idempotency-Key", "ua-key")),
            ("/statements", r => r.Headers.Add("Idempotency-Key", "unused-key")),
        })
        {
            using var response = await s.SendAsync(HttpMethod.Post, Talks + path, "public", new { text = "x", @public = true }, edit);
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            answers.Add(Strip(await response.Content.ReadAsStringAsync()));
        }

        Assert.Single(answers.Distinct());

        // The public's overview has no version and no ETag; reading a hidden proposal is a plain 404 like a missing one.
        using var overview = await s.SendAsync(HttpMethod.Get, Talks, "public");
        Assert.Null(overview.Headers.ETag);
        Assert.False((await overview.Content.ReadFromJsonAsync<JsonElement>()).TryGetProperty("version", out _));
        using var hidden = await s.SendAsync(HttpMethod.Get, Talks + "/proposals/S2.RU.P1", "EU");
        using var missing = await s.SendAsync(HttpMethod.Get, Talks + "/proposals/S2.RU.P7", "EU");
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        Assert.Equal(Strip(await missing.Content.ReadAsStringAsync()), Strip(await hidden.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task VersionsAndCursors_CountOnlyWhatTheCallerSees()
    {
        await using var s = await StartAsync();
        var before = (await s.GetJsonAsync(Talks, "EU")).GetProperty("version").GetInt64();
        for (var i = 0; i < 5; i++)
        {
            await s.PostOkAsync(Talks + "/statements", "RU", new { text = "bilateral " + i, @public = false, stage = "S2" });
        }

        // Five events EU may not see: EU's version, ETag and cursors do not move.
        using var response = await s.SendAsync(HttpMethod.Get, Talks, "EU");
        Assert.Equal($"\"{before}\"", response.Headers.ETag!.Tag);
        var events = await s.GetJsonAsync(Talks + "/events?limit=500", "EU");
        var versions = events.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("version").GetInt64()).ToList();
        Assert.Equal(Enumerable.Range(1, versions.Count).Select(i => (long)i), versions);
        Assert.Equal(before, versions[^1]);

        // UA sees them; its ids count only RU's S2 statements.
        var ua = await s.GetJsonAsync(Talks + "/statements?limit=500", "UA");
        Assert.Contains(ua.GetProperty("items").EnumerateArray(), st => st.GetProperty("id").GetString() == "S2.RU.PS5");

        // EU's If-Match with its own version is current: hidden appends do not conflict with it.
        using var ok = await s.SendAsync(HttpMethod.Post, Talks + "/statements", "EU", new { text = "eu", @public = true }, r => r.Headers.IfMatch.Add(new($"\"{before}\"")));
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
    }

    [Fact]
    public async Task IdempotencyKey_OfOneParty_CannotBeSquattedByAnother()
    {
        await using var s = await StartAsync();
        using var eu = await s.SendAsync(HttpMethod.Post, Talks + "/statements", "EU", new { text = "eu first", @public = true }, r => r.Headers.Add("Idempotency-Key", "k"));
        using var ru = await s.SendAsync(HttpMethod.Post, Talks + "/statements", "RU", new { text = "ru", @public = true }, r => r.Headers.Add("Idempotency-Key", "k"));
        Assert.False((await ru.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("replayed").GetBoolean());
        var texts = (await s.GetJsonAsync(Talks + "/statements", "public")).GetProperty("items").EnumerateArray().Select(st => st.GetProperty("text").GetString()).ToList();
        Assert.Contains("ru", texts);
        Assert.Contains("eu first", texts);
    }

    [Fact]
    public async Task RevokedToken_Is401AtOnce_OnEveryKindOfRoute()
    {
        await using var s = await StartAsync();
        var tokens = await s.GetJsonAsync(Talks + "/tokens", "organiser");
        var eu = tokens.EnumerateArray().Single(t => t.TryGetProperty("party", out var party) && party.GetString() == "EU").GetProperty("id").GetString();
        using var live = await s.Http.SendAsync(s.Request(HttpMethod.Get, Talks + "/live", "EU"), HttpCompletionOption.ResponseHeadersRead);
        using var reader = new StreamReader(await live.Content.ReadAsStreamAsync());
        Assert.Equal(LiveFeedReader.LiveMarker, await LiveFeedReader.ReadBlockAsync(reader));

        using (var revoke = await s.SendAsync(HttpMethod.Post, Talks + $"/tokens/{eu}/revoke", "organiser", new { text = "compromised" }))
        {
            Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        }

        foreach (var (method, path) in new[] { (HttpMethod.Get, Talks), (HttpMethod.Get, Talks + "/events"), (HttpMethod.Post, Talks + "/statements") })
        {
            using var response = await s.SendAsync(method, path, "EU", method == HttpMethod.Post ? new { text = "x", @public = true } : null);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }

        // The open live feed ends with the reason.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var lines = new List<string>();
        for (var line = await reader.ReadLineAsync(timeout.Token); line is not null; line = await reader.ReadLineAsync(timeout.Token))
        {
            lines.Add(line);
        }

        Assert.Contains("event: revoked", lines);

        // Only the organiser manages tokens; the revocation is in its ledger, nobody else's.
        using var byParty = await s.SendAsync(HttpMethod.Get, Talks + "/tokens", "RU");
        Assert.Equal(HttpStatusCode.Forbidden, byParty.StatusCode);
        Assert.Contains("token-revoked", (await s.GetJsonAsync(Talks + "/events?limit=500", "organiser")).GetRawText());
        Assert.DoesNotContain("token-", (await s.GetJsonAsync(Talks + "/events?limit=500", "RU")).GetRawText());
    }

    [Fact]
    public async Task Organiser_OpensTalksFromAScenario_AndOthersCannot()
    {
        await using var s = await StartAsync();
        var yaml = await File.ReadAllTextAsync(Parley.Tests.TestPaths.Example("job-offer.yaml"));
        using var byParty = await s.SendAsync(HttpMethod.Post, "/api/talks", "RU", new { scenario = yaml });
        Assert.Equal(HttpStatusCode.Forbidden, byParty.StatusCode);
        using var bad = await s.SendAsync(HttpMethod.Post, "/api/talks", "organiser", new { scenario = "parley: 1\nid: x\ntitel: y\n" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        Assert.Contains("scenario.yaml:", await bad.Content.ReadAsStringAsync());

        using var created = await s.SendAsync(HttpMethod.Post, "/api/talks", "organiser", new { scenario = yaml, id = "job-1" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        var token = body.GetProperty("tokens").EnumerateArray().First(t => t.GetProperty("kind").GetString() == "party").GetProperty("token").GetString()!;
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/talks/job-1");
        request.Headers.Authorization = new("Bearer", token);
        using var view = await s.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, view.StatusCode);
        using var again = await s.SendAsync(HttpMethod.Post, "/api/talks", "organiser", new { scenario = yaml, id = "job-1" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, again.StatusCode);
    }

    [Fact]
    public async Task Export_IsPaged_AndLiveCatchUp_DeliversEverythingInPages()
    {
        await using var s = await StartAsync();
        for (var i = 0; i < 60; i++)
        {
            await s.PostOkAsync(Talks + "/statements", "RU", new { text = "s" + i, @public = true });
        }

        var seen = 0;
        string? after = null;
        do
        {
            var page = await s.GetJsonAsync(Talks + "/export?limit=25" + (after is null ? "" : "&after=" + after), "observer");
            var items = page.GetProperty("events").GetArrayLength();
            Assert.InRange(items, 1, 25);
            seen += items;
            after = page.TryGetProperty("next", out var next) ? next.GetString() : null;
        }
        while (after is not null);
        var total = (await s.GetJsonAsync(Talks, "observer")).GetProperty("version").GetInt64();
        Assert.Equal(total, seen);
        using var tooBig = await s.SendAsync(HttpMethod.Get, Talks + "/export?limit=100000", "observer");
        Assert.Equal(HttpStatusCode.BadRequest, tooBig.StatusCode);

        // The live feed from 0 replays every event before going live, numbered 1..N with no gap.
        using var live = await s.Http.SendAsync(s.Request(HttpMethod.Get, Talks + "/live?after=0", "observer"), HttpCompletionOption.ResponseHeadersRead);
        using var reader = new StreamReader(await live.Content.ReadAsStreamAsync());
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var ids = new List<long>();
        for (var line = await reader.ReadLineAsync(timeout.Token); line != "event: live"; line = await reader.ReadLineAsync(timeout.Token))
        {
            if (line!.StartsWith("id: ", StringComparison.Ordinal))
            {
                ids.Add(long.Parse(line[4..], System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        Assert.Equal(Enumerable.Range(1, (int)total).Select(i => (long)i), ids);
    }

    [Fact]
    public async Task RateLimit_PerToken_Answers429_WithoutStarvingOthers()
    {
        await using var s = await StartAsync(rateLimit: 5);
        var codes = new List<HttpStatusCode>();
        for (var i = 0; i < 30; i++)
        {
            using var response = await s.SendAsync(HttpMethod.Get, Talks, "EU");
            codes.Add(response.StatusCode);
        }

        Assert.Contains(HttpStatusCode.TooManyRequests, codes);
        using var other = await s.SendAsync(HttpMethod.Get, Talks, "UA");
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    private static async Task AssertNamedClientError(HttpResponseMessage response, string field)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode is >= 400 and < 500, $"{(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains(field, text, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
    }

    private static string Strip(string problem) => System.Text.RegularExpressions.Regex.Replace(problem, "\"traceId\":\"[^\"]*\"", "").Replace("P7", "P1", StringComparison.Ordinal);
}
