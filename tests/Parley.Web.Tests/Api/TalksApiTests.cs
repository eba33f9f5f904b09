using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Parley.Talks.Tests;
using Parley.Web.Api;
using static Parley.Web.Tests.TalksServer;

namespace Parley.Web.Tests.Api;

public sealed class TalksApiTests
{
    private const string Talks = "/api/talks/" + TalksId;

    [Fact]
    public async Task OpenApiDocument_IsServed_AndListsTheApi()
    {
        await using var s = await StartAsync();
        var doc = await s.GetJsonAsync("/openapi/v1.json");
        var paths = doc.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/talks/{id}/proposals", out _));
        Assert.True(paths.TryGetProperty("/api/talks/{id}/meetings/{meeting}/schedule", out _));
        Assert.Equal("Parley talks API", doc.GetProperty("info").GetProperty("title").GetString());
    }

    [Fact]
    public async Task WrongToken_Is401ProblemJson()
    {
        await using var s = await StartAsync();
        using var response = await s.SendAsync(HttpMethod.Get, Talks, edit: r => r.Headers.Authorization = new("Bearer", "forged"));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        using var session = await s.SendAsync(HttpMethod.Get, "/api/session");
        Assert.Equal(HttpStatusCode.Unauthorized, session.StatusCode);
        using var list = await s.SendAsync(HttpMethod.Get, "/api/talks", edit: r => r.Headers.Authorization = new("Bearer", "forged"));
        Assert.Equal(HttpStatusCode.Unauthorized, list.StatusCode);
        using var publicList = await s.SendAsync(HttpMethod.Get, "/api/talks");
        Assert.Equal(HttpStatusCode.OK, publicList.StatusCode);
    }

    [Fact]
    public async Task Session_NamesTheRole()
    {
        await using var s = await StartAsync();
        var session = await s.GetJsonAsync("/api/session", "mediator");
        Assert.Equal("mediator", session.GetProperty("role").GetString());
        // The mediator is its own actor, not the US delegation.
        Assert.False(session.TryGetProperty("party", out _));
        Assert.Equal(TalksId, session.GetProperty("talksId").GetString());
    }

    [Fact]
    public async Task BrokenRule_Is422NamingTheRule()
    {
        await using var s = await StartAsync();
        using var response = await s.SendAsync(HttpMethod.Post, Talks + "/stages/S3/open", "RU", new { });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("stage-order", problem.GetProperty("rule").GetString());
        Assert.Contains("S2", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task VenueConsensus_BlocksConfirmation_UntilEveryoneAccepted()
    {
        await using var s = await StartAsync();
        await s.PostOkAsync(Talks + "/meetings", "UA", new { id = "M1", stage = "S2", venue = "V4" });
        using var refused = await s.SendAsync(HttpMethod.Post, Talks + "/meetings/M1/schedule", "UA", new { });
        Assert.Equal("venue-consensus", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("rule").GetString());

        await s.PostOkAsync(Talks + "/venues/V4/accept", "RU");
        await s.PostOkAsync(Talks + "/meetings/M1/schedule", "UA");
        var meeting = (await s.GetJsonAsync(Talks, "observer")).GetProperty("meetings")[0];
        Assert.Equal("scheduled", meeting.GetProperty("status").GetString());
        Assert.Equal("accepted", meeting.GetProperty("venueStatus").GetProperty("RU").GetString());
    }

    [Fact]
    public async Task StaleIfMatch_Is409()
    {
        await using var s = await StartAsync();
        var version = (await s.GetJsonAsync(Talks, "RU")).GetProperty("version").GetInt64();
        await s.PostOkAsync(Talks + "/statements", "RU", new { text = "one", @public = true });
        using var conflict = await s.SendAsync(HttpMethod.Post, Talks + "/statements", "UA", new { text = "two", @public = true },
            r => r.Headers.IfMatch.Add(new($"\"{version}\"")));
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        Assert.Equal(version + 1, (await conflict.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task RetriedRequest_WithIdempotencyKey_AppendsOnce()
    {
        await using var s = await StartAsync();
        void Key(HttpRequestMessage r) => r.Headers.Add("Idempotency-Key", "retry-1");
        using var first = await s.SendAsync(HttpMethod.Post, Talks + "/statements", "RU", new { text = "once", @public = true }, Key);
        using var second = await s.SendAsync(HttpMethod.Post, Talks + "/statements", "RU", new { text = "once", @public = true }, Key);
        var a = await first.Content.ReadFromJsonAsync<JsonElement>();
        var b = await second.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(a.GetProperty("replayed").GetBoolean());
        Assert.True(b.GetProperty("replayed").GetBoolean());
        Assert.Equal(a.GetProperty("version").GetInt64(), b.GetProperty("version").GetInt64());
        Assert.Single((await s.GetJsonAsync(Talks + "/statements")).GetProperty("items").EnumerateArray());

        using var reused = await s.SendAsync(HttpMethod.Post, Talks + "/statements", "RU", new { text = "different", @public = true }, Key);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, reused.StatusCode);
    }

    [Fact]
    public async Task OversizeBody_Is413()
    {
        await using var s = await StartAsync(maxBody: 1024);
        var big = new { text = new string('x', 4096), @public = true };
        using var response = await s.SendAsync(HttpMethod.Post, Talks + "/statements", "RU", big);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);

        using var chunked = await s.SendAsync(HttpMethod.Post, Talks + "/statements", "RU",
            new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(big)))) { Headers = { ContentType = new("application/json") } },
            r => r.Headers.TransferEncodingChunked = true);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, chunked.StatusCode);
    }

    [Fact]
    public async Task MalformedJson_Is400NamingThePath()
    {
        await using var s = await StartAsync();
        using var response = await s.SendAsync(HttpMethod.Post, Talks + "/proposals", "RU",
            new StringContent("{\"package\": {\"Q\": 3}}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("$.package.Q", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Events_ArePagedAndFilteredPerRole()
    {
        await using var s = await StartAsync();
        var page1 = await s.GetJsonAsync(Talks + "/events?limit=5", "RU");
        Assert.Equal(5, page1.GetProperty("items").GetArrayLength());
        var next = page1.GetProperty("next").GetString();
        var page2 = await s.GetJsonAsync(Talks + $"/events?after={next}&limit=500", "RU");
        Assert.False(page2.TryGetProperty("next", out _));
        var types = page1.GetProperty("items").EnumerateArray().Concat(page2.GetProperty("items").EnumerateArray()).Select(e => e.GetProperty("type").GetString()).ToList();
        Assert.Equal(1, types.Count(t => t == "position-submitted"));
        // The stored type name is the discriminator only, never a second field of the event.
        Assert.DoesNotContain("typeName", page1.GetRawText() + page2.GetRawText(), StringComparison.OrdinalIgnoreCase);

        var observer = await s.GetJsonAsync(Talks + "/events?limit=500", "observer");
        Assert.DoesNotContain(observer.GetProperty("items").EnumerateArray(), e => e.GetProperty("type").GetString() == "position-submitted");
        using var bad = await s.SendAsync(HttpMethod.Get, Talks + "/events?limit=0", "RU");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public async Task OtherPartysPosition_Is404LikeAMissingOne()
    {
        await using var s = await StartAsync();
        using var other = await s.SendAsync(HttpMethod.Get, Talks + "/positions/UA", "RU");
        using var missing = await s.SendAsync(HttpMethod.Get, Talks + "/positions/XX", "RU");
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        Assert.Equal(await Detail(missing), await Detail(other));
        var own = await s.GetJsonAsync(Talks + "/positions/RU", "RU");
        Assert.Equal(55, own.GetProperty("reservation").GetDouble());

        static async Task<string?> Detail(HttpResponseMessage r) => (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString();
    }

    [Fact]
    public async Task Observer_CannotAct_AndCannotReadContents()
    {
        await using var s = await StartAsync();
        using var post = await s.SendAsync(HttpMethod.Post, Talks + "/statements", "observer", new { text = "x", @public = true });
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        await s.PostOkAsync(Talks + "/proposals", "RU", new { stage = "S2", package = new Dictionary<string, string> { ["V"] = "V3" } });
        var proposals = await s.GetJsonAsync(Talks + "/proposals", "observer");
        Assert.Empty(proposals.GetProperty("items").EnumerateArray());
        using var one = await s.SendAsync(HttpMethod.Get, Talks + "/proposals/S2.RU.P1", "observer");
        Assert.Equal(HttpStatusCode.NotFound, one.StatusCode);
        Assert.Single((await s.GetJsonAsync(Talks + "/proposals", "UA")).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task TalksList_IsPublicAndPaged()
    {
        await using var s = await StartAsync();
        var scenario = await s.Service.ReadAsync(TalksId, p => p.Scenario);
        await s.Service.CreateAsync(scenario, "another-talks");
        var page = await s.GetJsonAsync("/api/talks?limit=1");
        Assert.Equal("another-talks", page.GetProperty("items")[0].GetProperty("id").GetString());
        var rest = await s.GetJsonAsync($"/api/talks?limit=1&after={page.GetProperty("next").GetString()}");
        Assert.Equal(TalksId, rest.GetProperty("items")[0].GetProperty("id").GetString());
    }

    [Fact]
    public async Task LiveFeed_StreamsTheCallersShareOfNewEvents()
    {
        await using var s = await StartAsync();
        using var request = s.Request(HttpMethod.Get, Talks + "/live", "observer");
        using var response = await s.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("no-store", response.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        Assert.Equal(LiveFeedReader.LiveMarker, await LiveFeedReader.ReadBlockAsync(reader, timeout.Token));

        await s.PostOkAsync(Talks + "/statements", "RU", new { text = "for the participants only", @public = false });
        await s.PostOkAsync(Talks + "/statements", "RU", new { text = "for everyone", @public = true });
        var block = (await LiveFeedReader.ReadBlockAsync(reader, timeout.Token))!;

        // The observer's next block is the public statement, numbered by its own sequence: the private one never came.
        Assert.Equal(3, block.Count);
        Assert.Equal("event: statement-issued", block[0]);
        Assert.StartsWith("data: {", block[1], StringComparison.Ordinal);
        Assert.Contains("for everyone", block[1], StringComparison.Ordinal);
        Assert.Equal($"id: {(await s.GetJsonAsync(Talks, "observer")).GetProperty("version").GetInt64()}", block[2]);
        Assert.DoesNotContain("participants only", string.Join("\n", block), StringComparison.Ordinal);
    }

    [Fact]
    public async Task LiveFeed_SendsAKeepAliveEvent_OnlyOnce15SecondsOfTheServersClockHavePassed()
    {
        await using var s = await StartAsync();
        using var response = await s.Http.SendAsync(s.Request(HttpMethod.Get, Talks + "/live", "observer"), HttpCompletionOption.ResponseHeadersRead);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        Assert.Equal(LiveFeedReader.LiveMarker, await LiveFeedReader.ReadBlockAsync(reader, timeout.Token));

        // 14 s in, an event is the next block (no keep-alive yet); at 15 s the keep-alive comes, without an id.
        s.Time.Advance(LiveFeed.KeepAliveInterval - TimeSpan.FromSeconds(1));
        await s.PostOkAsync(Talks + "/statements", "UA", new { text = "still here", @public = true });
        Assert.Equal("event: statement-issued", (await LiveFeedReader.ReadBlockAsync(reader, timeout.Token))![0]);
        s.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(LiveFeedReader.KeepAlive, await LiveFeedReader.ReadBlockAsync(reader, timeout.Token));
        s.Time.Advance(LiveFeed.KeepAliveInterval);
        Assert.Equal(LiveFeedReader.KeepAlive, await LiveFeedReader.ReadBlockAsync(reader, timeout.Token));
    }

    [Fact]
    public async Task LiveFeed_TellsABidderItsDeskChanged_WhenTheOtherBids_WithoutTheBidOrAnId()
    {
        await using var s = await StartAsync();
        using var response = await s.Http.SendAsync(s.Request(HttpMethod.Get, Talks + "/live", "UA"), HttpCompletionOption.ResponseHeadersRead);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        Assert.Equal(LiveFeedReader.LiveMarker, await LiveFeedReader.ReadBlockAsync(reader, timeout.Token));
        await s.PostOkAsync(Talks + "/blind/bids", "RU", new { stage = "S2", subject = "prisoners", min = 0, max = 9999 });
        Assert.Equal("event: bid-round-opened", (await LiveFeedReader.ReadBlockAsync(reader, timeout.Token))![0]);

        await s.PostOkAsync(Talks + "/blind/bids/S2.RU.B1", "RU", new { side = "at-most", bound = 4321.5 });
        await s.PostOkAsync(Talks + "/statements", "RU", new { text = "after the bid", @public = true });

        // The bid itself never comes; the notice does (no id, so it moves no resume point), as does the next event
        // (the two come from different sources, so their order is not fixed).
        var blocks = new[] { await LiveFeedReader.ReadBlockAsync(reader, timeout.Token), await LiveFeedReader.ReadBlockAsync(reader, timeout.Token) };
        Assert.Single(blocks, b => b!.SequenceEqual(["event: desk", """data: {"changed":"desk"}"""]));
        var next = Assert.Single(blocks, b => b![0] == "event: statement-issued")!;
        Assert.Contains("after the bid", next[1], StringComparison.Ordinal);
        Assert.DoesNotContain("4321", string.Join("\n", blocks.SelectMany(b => b!)), StringComparison.Ordinal);
        Assert.Equal(1, (await s.GetJsonAsync(Talks + "/blind", "UA")).GetProperty("rounds")[0].GetProperty("waiting").GetInt32());
    }

    [Fact]
    public async Task LiveFeed_ResumesAfterLastEventId_WithEveryMissedEvent_ThenTheMarker()
    {
        await using var s = await StartAsync();
        for (var i = 0; i < 3; i++)
        {
            await s.PostOkAsync(Talks + "/statements", "RU", new { text = "missed " + i, @public = true });
        }

        var version = (await s.GetJsonAsync(Talks, "observer")).GetProperty("version").GetInt64();
        using var request = s.Request(HttpMethod.Get, Talks + "/live", "observer");
        request.Headers.Add("Last-Event-ID", (version - 2).ToString(System.Globalization.CultureInfo.InvariantCulture));
        using var response = await s.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var blocks = new List<List<string>>();
        while (await LiveFeedReader.ReadBlockAsync(reader, timeout.Token) is { } block && !block.SequenceEqual(LiveFeedReader.LiveMarker))
        {
            blocks.Add(block);
        }

        Assert.Equal([$"id: {version - 1}", $"id: {version}"], blocks.Select(b => b.Single(l => l.StartsWith("id: ", StringComparison.Ordinal))));
        Assert.Contains("missed 1", blocks[0][1], StringComparison.Ordinal);
        Assert.Contains("missed 2", blocks[1][1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeadlineService_ExpiresDeadlines_AsTheInjectedClockPasses()
    {
        await using var s = await StartAsync(sweep: TimeSpan.FromMinutes(1));
        using var subscription = await s.Service.SubscribeAsync(TalksId, Parley.Talks.Access.Caller.Observer, null);
        s.Time.SetUtcNow(new DateTimeOffset(2025, 8, 9, 0, 0, 30, TimeSpan.Zero));
        s.Time.Advance(TimeSpan.FromMinutes(1));

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var e = await subscription.Events.ReadAsync(timeout.Token);
        var expired = Assert.IsType<Parley.Talks.Ledger.DeadlineExpired>(e.Event);
        Assert.Equal("D-aug8", expired.Deadline);
        var view = await s.GetJsonAsync(Talks, "observer");
        Assert.Equal("D-aug8", view.GetProperty("pressureSteps")[0].GetString());
    }

    [Theory, SqliteStore, PostgresStore]
    public async Task FullRound_OnEachStore(string kind)
    {
        await using var s = await StartAsync(kind);
        await s.PostOkAsync(Talks + "/negotiators", "UA", new { name = "Umerov", role = "head of delegation" });
        // Closing S2 as done takes both participants.
        await s.PostOkAsync(Talks + "/stages/S2/close", "RU", new { outcome = "done" });
        Assert.Equal("open", (await s.GetJsonAsync(Talks, "observer")).GetProperty("stages")[1].GetProperty("status").GetString());
        await s.PostOkAsync(Talks + "/stages/S2/close", "UA", new { outcome = "done" });
        await s.PostOkAsync(Talks + "/stages/S3/open", "RU");
        await s.PostOkAsync(Talks + "/proposals", "UA", new { stage = "S3", package = new Dictionary<string, string> { ["V"] = "V3", ["Q"] = "Q1" } });
        await s.PostOkAsync(Talks + "/proposals", "RU", new { stage = "S3", package = new Dictionary<string, string> { ["V"] = "V3", ["Q"] = "Q3" }, counterTo = "S3.UA.P1" });
        await s.PostOkAsync(Talks + "/proposals/S3.RU.P1/accept", "UA");
        await s.PostOkAsync(Talks + "/proposals/S3.RU.P1/sign", "UA");
        await s.PostOkAsync(Talks + "/proposals/S3.RU.P1/sign", "RU");
        var view = await s.GetJsonAsync(Talks, "UA");
        var p2 = view.GetProperty("proposals").EnumerateArray().Single(p => p.GetProperty("id").GetString() == "S3.RU.P1");
        Assert.Equal(2, p2.GetProperty("signedBy").GetArrayLength());
        Assert.Contains(view.GetProperty("parties").EnumerateArray(), p => p.GetProperty("negotiators").EnumerateArray().Any(n => n.GetString() == "Umerov"));
    }

    [Fact]
    public async Task Analysis_ForTheMediator_HasAFrontierPlotOnceTwoPartiesDisclosed()
    {
        await using var s = await StartAsync();
        var empty = await s.GetJsonAsync(Talks + "/analysis", "mediator");
        Assert.Equal(0, empty.GetProperty("analysis").GetProperty("parties").GetArrayLength());

        await s.PostOkAsync(Talks + "/disclosures", "UA", new { weights = true, scores = true, reservation = true });
        await s.PostOkAsync(Talks + "/disclosures", "RU", new { weights = true, scores = true, reservation = true });
        var response = await s.GetJsonAsync(Talks + "/analysis", "mediator");
        Assert.Equal(2, response.GetProperty("analysis").GetProperty("parties").GetArrayLength());
        var svg = Encoding.UTF8.GetString(Convert.FromBase64String(response.GetProperty("plotSvg").GetString()!));
        Assert.Contains("<svg", svg);
        Assert.Contains("RU utility", svg);

        using var observer = await s.SendAsync(HttpMethod.Get, Talks + "/analysis", "observer");
        Assert.Equal(HttpStatusCode.Forbidden, observer.StatusCode);
    }
}
