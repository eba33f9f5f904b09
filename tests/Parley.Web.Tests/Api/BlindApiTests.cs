using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Parley.Bargaining;
using Parley.Scenarios;
using Parley.Tests;
using static Parley.Web.Tests.TalksServer;

namespace Parley.Web.Tests.Api;

/// <summary>The mediator's desk over HTTP on the demo talks (issue 13's contract and its done-when).</summary>
public sealed class BlindApiTests
{
    private const string Talks = "/api/talks/" + TalksId;
    private static readonly string[] Parties = ["RU", "UA", "US", "EU", "NATO"];
    private static readonly string[] Roles = ["public", "observer", "organiser", "mediator", .. Parties];

    private static async Task ConsentAll(TalksServer s, bool named = false)
    {
        foreach (var p in Parties)
        {
            var r = await s.PostOkAsync(Talks + "/blind/consent", p, new { weights = true, reservation = true, redLines = true, named });
            Assert.True(r.GetProperty("consent").GetProperty("weights").GetBoolean());
        }
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body)> Post(TalksServer s, string path, string role, object body)
    {
        using var response = await s.SendAsync(HttpMethod.Post, Talks + path, role, body);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    [Fact]
    public async Task Demo_EveryoneConsenting_FourHaveNoDeal_UaUsEuAgreeOnTheNashPackage()
    {
        await using var s = await StartAsync();
        await ConsentAll(s);

        var four = await s.PostOkAsync(Talks + "/blind/check", "mediator", new { parties = new[] { "RU", "UA", "US", "EU" } });
        Assert.False(four.GetProperty("agreement").GetBoolean());
        Assert.Equal("0", four.GetProperty("zone").GetString());
        Assert.Equal(JsonValueKind.Null, four.TryGetProperty("package", out var none) ? none.ValueKind : JsonValueKind.Null);
        Assert.Equal(9, four.GetProperty("remaining").GetInt32());

        var three = await s.PostOkAsync(Talks + "/blind/check", "mediator", new { parties = new[] { "UA", "US", "EU" }, rule = "nash" });
        var flagship = ScenarioLoader.LoadOrThrow(File.ReadAllBytes(TestPaths.Flagship), TestPaths.Flagship);
        var nash = BargainingSolver.Solve(flagship, new BargainingOptions { Parties = ["UA", "US", "EU"] }).Nash!;
        Assert.True(three.GetProperty("agreement").GetBoolean());
        var package = three.GetProperty("package").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString());
        for (var k = 0; k < flagship.Issues.Count; k++)
        {
            Assert.Equal(flagship.Issues[k].Options[nash.Outcome.Package[k]].Id, package[flagship.Issues[k].Id]);
        }

        Assert.Equal(8, three.GetProperty("remaining").GetInt32());

        // Each consenting party checked reads the check; one not checked does not.
        Assert.Equal(2, (await s.GetJsonAsync(Talks + "/blind/checks", "UA")).GetArrayLength());
        Assert.Equal(1, (await s.GetJsonAsync(Talks + "/blind/checks", "RU")).GetArrayLength());
        Assert.Equal(0, (await s.GetJsonAsync(Talks + "/blind/checks", "NATO")).GetArrayLength());
    }

    [Fact]
    public async Task Consent_IsAnsweredWithExactlyTheDocumentedKeys_OnEveryRouteThatShowsIt()
    {
        // docs/api.md and docs/mediation.md: a consent is {weights, reservation, redLines, named}, nothing derived from it.
        string[] consentKeys = ["named", "redLines", "reservation", "weights"];
        await using var s = await StartAsync();
        var answer = await s.PostOkAsync(Talks + "/blind/consent", "UA", new { weights = true, reservation = false, redLines = true });
        Assert.Equal(["consent", "version"], Keys(answer));
        Assert.Equal(consentKeys, Keys(answer.GetProperty("consent")));
        Assert.Equal([true, false, true, false], consentKeys.Reverse().Select(k => answer.GetProperty("consent").GetProperty(k).GetBoolean()));

        var own = await s.GetJsonAsync(Talks + "/blind/consent", "UA");
        Assert.Equal(["UA"], Keys(own));
        var everyone = await s.GetJsonAsync(Talks + "/blind/consent", "mediator");
        Assert.Equal(Parties.Order(StringComparer.Ordinal), Keys(everyone));
        var desk = (await s.GetJsonAsync(Talks + "/blind", "mediator")).GetProperty("consents");
        var ledger = (await s.GetJsonAsync(Talks + "/events?limit=500", "UA")).GetProperty("items").EnumerateArray()
            .Single(e => e.GetProperty("type").GetString() == "blind-consent-set").GetProperty("event");
        Assert.Equal(["consent", "party", "type"], Keys(ledger));
        foreach (var consent in everyone.EnumerateObject().Concat(own.EnumerateObject()).Concat(desk.EnumerateObject()).Select(p => p.Value).Append(ledger.GetProperty("consent")))
        {
            Assert.Equal(consentKeys, Keys(consent));
        }
    }

    [Fact]
    public async Task BlindCheck_IsAnsweredWithNoKeyBeyondTheDocumentedOnes()
    {
        string[] documented = ["agreement", "basis", "check", "clashing", "package", "redLinesNamed", "redLinesToMove", "remaining", "version", "zone"];
        await using var s = await StartAsync();
        await ConsentAll(s, named: true);
        var empty = await s.PostOkAsync(Talks + "/blind/check", "mediator", new { parties = new[] { "RU", "UA", "US", "EU" } });
        var deal = await s.PostOkAsync(Talks + "/blind/check", "mediator", new { parties = new[] { "UA", "US", "EU" } });

        // Nulls are left out: an empty zone names no package, a zone with a deal no clash.
        Assert.Equal(documented.Except(["package"]), Keys(empty));
        Assert.Equal(documented.Except(["clashing", "redLinesNamed", "redLinesToMove"]), Keys(deal));
    }

    private static List<string> Keys(JsonElement o) => [.. o.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal)];

    [Fact]
    public async Task NoConsent_RevokedConsent_AndASpentBudget_Answer409NamingTheRule()
    {
        await using var s = await StartAsync();
        await s.PostOkAsync(Talks + "/blind/consent", "UA", new { weights = true });
        var (status, body) = await Post(s, "/blind/check", "mediator", new { parties = new[] { "UA", "EU" } });
        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Equal("blind-consent", body.GetProperty("rule").GetString());
        Assert.Contains("EU", body.GetProperty("detail").GetString(), StringComparison.Ordinal);

        await s.PostOkAsync(Talks + "/blind/consent", "EU", new { weights = true, reservation = true });
        for (var i = 0; i < 10; i++)
        {
            await s.PostOkAsync(Talks + "/blind/check", "mediator", new { parties = new[] { "UA", "EU" }, stage = "S8" });
        }

        (status, body) = await Post(s, "/blind/check", "mediator", new { parties = new[] { "UA", "EU" }, stage = "S8" });
        Assert.Equal((HttpStatusCode.Conflict, "check-budget"), (status, body.GetProperty("rule").GetString()));

        await s.PostOkAsync(Talks + "/blind/consent", "EU", new { weights = false });
        (status, body) = await Post(s, "/blind/check", "mediator", new { parties = new[] { "UA", "EU" } });
        Assert.Equal((HttpStatusCode.Conflict, "blind-consent"), (status, body.GetProperty("rule").GetString()));
    }

    [Fact]
    public async Task Authorization_ComesFirst_AndBadBodiesName422TheirField()
    {
        await using var s = await StartAsync();
        await ConsentAll(s);
        foreach (var role in new[] { "public", "observer", "organiser" })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await Post(s, "/blind/check", role, new { parties = new[] { "UA", "EU" } })).Status);
            using var get = await s.SendAsync(HttpMethod.Get, Talks + "/blind", role);
            Assert.Equal(HttpStatusCode.Forbidden, get.StatusCode);
        }

        using (var wrong = await s.SendAsync(HttpMethod.Post, Talks + "/blind/check", null, new { }, r => r.Headers.Authorization = new("Bearer", "nope-" + new string('x', 30))))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }

        var party = await Post(s, "/blind/check", "UA", new { parties = new[] { "RU", "UA" }, stage = "S2" });
        Assert.Equal((HttpStatusCode.UnprocessableEntity, "participants-only"), (party.Status, party.Body.GetProperty("rule").GetString()));

        foreach (var (body, field) in new (object Body, string Field)[]
        {
            (new { parties = new[] { "UA", "EU" }, rule = "fairest" }, "rule"),
            (new { parties = (string[]?)null }, "parties"),
            (new { parties = new[] { "UA", "XX" } }, "parties[1]"),
            (new { parties = new[] { "UA", "UA" } }, "parties[1]"),
            (new { parties = new[] { "UA", "EU" }, stage = "S9" }, "S9"),
        })
        {
            var (status, problem) = await Post(s, "/blind/check", "mediator", body);
            Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
            Assert.Contains(field, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        using var nan = await s.SendAsync(HttpMethod.Post, Talks + "/blind/bids", "RU", new StringContent("""{"stage":"S2","subject":"x","min":"NaN","max":1}""", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, nan.StatusCode);
        var (s2, p2) = await Post(s, "/blind/bids", "RU", new { stage = "S2", subject = "x", min = 5, max = 1 });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, s2);
        Assert.Contains("min, max", p2.GetProperty("detail").GetString(), StringComparison.Ordinal);
        using var unknown = await s.SendAsync(HttpMethod.Get, "/api/talks/no-such-talks/blind", "mediator");
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
    }

    [Fact]
    public async Task BlindRoutes_NeverShowAWeightScoreReservationOrRedLineText_ToAnyone()
    {
        await using var s = await StartAsync();
        var markers = new Dictionary<string, string[]>();
        foreach (var (party, i) in Parties.Select((p, i) => (p, i)))
        {
            var own = await s.GetJsonAsync(Talks + "/position", party);
            var weights = own.GetProperty("weights").EnumerateObject().ToDictionary(w => w.Name, w => w.Value.GetDouble() + 0.0731 + i / 1000.0);
            var scores = own.GetProperty("scores").EnumerateObject().ToDictionary(w => w.Name, w => w.Value.EnumerateArray().Select(v => Math.Min(99, v.GetDouble()) + 0.4217).ToArray());
            var reservation = 30.86429 + i;
            var redLines = own.GetProperty("redLines").EnumerateArray().Select(r => new { id = r.GetProperty("id").GetString(), rule = r.GetProperty("rule").GetString(), note = $"RED-LINE-TEXT-{party}" }).ToList();
            await s.PostOkAsync(Talks + "/position", party, new { weights, scores, reservation, redLines, notes = "" }, HttpMethod.Put);
            markers[party] = [.. weights.Values.Take(1).Select(Number), Number(scores.First().Value[0]), Number(reservation), $"RED-LINE-TEXT-{party}",
                .. redLines.Select(r => r.rule!)];
        }

        await ConsentAll(s);
        await s.PostOkAsync(Talks + "/blind/check", "mediator", new { parties = new[] { "RU", "UA", "US", "EU" } });
        await s.PostOkAsync(Talks + "/blind/check", "mediator", new { parties = new[] { "UA", "US", "EU" }, rule = "kalai-smorodinsky" });
        var round = (await s.PostOkAsync(Talks + "/blind/bids", "RU", new { stage = "S2", subject = "prisoners exchanged", min = 0, max = 5000 })).GetProperty("id").GetString();
        await s.PostOkAsync(Talks + $"/blind/bids/{round}", "RU", new { side = "at-most", bound = 1234.5678 });
        var settled = await s.PostOkAsync(Talks + $"/blind/bids/{round}", "UA", new { side = "at-least", bound = 876.5432 });
        Assert.Equal((1234.5678 + 876.5432) / 2, settled.GetProperty("result").GetProperty("value").GetDouble(), 9);

        var everyMarker = markers.Values.SelectMany(m => m).ToList();
        foreach (var role in Roles)
        {
            foreach (var path in new[] { "/blind", "/blind/consent", "/blind/checks", "/blind/bids", "/single-text" })
            {
                using var response = await s.SendAsync(HttpMethod.Get, Talks + path, role);
                var text = await response.Content.ReadAsStringAsync();
                foreach (var marker in everyMarker)
                {
                    Assert.DoesNotContain(marker, text, StringComparison.Ordinal);
                }

                // A bid is its bidder's only.
                if (role != "RU")
                {
                    Assert.DoesNotContain("1234.5678", text, StringComparison.Ordinal);
                }

                if (role != "UA")
                {
                    Assert.DoesNotContain("876.5432", text, StringComparison.Ordinal);
                }
            }
        }

        // The other direction: the markers are real, each party reads its own position and own bid.
        foreach (var party in Parties)
        {
            var own = (await s.GetJsonAsync(Talks + "/position", party)).GetRawText();
            Assert.Contains(markers[party][2], own, StringComparison.Ordinal);
            if (markers[party].Length > 4)
            {
                // A party with red lines: their notes are its own to read.
                Assert.Contains(markers[party][3], own, StringComparison.Ordinal);
            }
        }

        Assert.Contains("1234.5678", (await s.GetJsonAsync(Talks + "/blind/bids", "RU")).GetRawText(), StringComparison.Ordinal);
        Assert.Contains("876.5432", (await s.GetJsonAsync(Talks + "/blind/bids", "UA")).GetRawText(), StringComparison.Ordinal);
    }

    private static string Number(double v) => v.ToString("0.#####", CultureInfo.InvariantCulture);
}
