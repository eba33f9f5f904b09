using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using static Parley.Web.Tests.TalksServer;

namespace Parley.Web.Tests.Api;

/// <summary>
/// Seeds distinctive marker values into every party's private position, into one disclosure and into
/// the contents of the bilateral stage S2 (RU's proposal, UA's rejection reason, the meeting's minutes,
/// a private statement to S2), then calls every endpoint of the app as every role (with path
/// parameters naming every party, stage, proposal) and asserts both directions: no response — body,
/// headers, errors, the live feed — holds a marker the role may not see; every role sees the markers
/// it may see; and the log holds none at all. The mediator enters only at S5, so it sees no S2 contents.
/// </summary>
public sealed class ConfidentialityTests
{
    private static readonly string[] Parties = ["RU", "UA", "US", "EU", "NATO"];
    private static readonly string[] Roles = ["public", "observer", "organiser", "mediator", "revoked", "wrong", .. Parties];

    private static string Secret(string party) => $"SECRET-{party}-c0ffee";

    private static string Reservation(string party) => (40 + Array.IndexOf(Parties, party) + 0.271828).ToString("0.######", CultureInfo.InvariantCulture);

    private const string Disclosed = "DISCLOSED-UA-to-mediator-b4dc0de";

    /// <summary>Stage contents of S2 (participants RU and UA).</summary>
    private static readonly string[] S2Contents = ["S2-PROPOSAL-RU-5eed", "S2-REJECTION-UA-5eed", "S2-MINUTES-5eed", "S2-PRIVATE-STATEMENT-5eed"];

    /// <summary>Secret bounds of a blind bidding round in S2: each seen by its bidder only.</summary>
    private const string BidRU = "4321.0987";
    private const string BidUA = "1234.5678";

    private static IEnumerable<string> AllMarkers => Parties.SelectMany(p => new[] { Secret(p), Reservation(p) }).Append(Disclosed).Concat(S2Contents).Append(BidRU).Append(BidUA);

    private static HashSet<string> AllowedFor(string role) => role switch
    {
        "mediator" => [Disclosed, Reservation("UA")],
        "UA" => [Secret("UA"), Reservation("UA"), Disclosed, BidUA, .. S2Contents],
        "RU" => [Secret("RU"), Reservation("RU"), BidRU, .. S2Contents],
        _ when Parties.Contains(role) => [Secret(role), Reservation(role)],
        _ => [],
    };

    [Fact]
    public async Task EveryEndpoint_AsEveryRole_ShowsNoOtherPartysPrivateData()
    {
        await using var s = await StartAsync();
        await SeedAsync(s);

        var seen = Roles.ToDictionary(r => r, _ => new HashSet<string>());
        var calls = 0;
        foreach (var (method, pattern) in Endpoints(s))
        {
            foreach (var path in Expand(pattern))
            {
                foreach (var role in Roles)
                {
                    var text = await CallAsync(s, method, path, role);
                    calls++;
                    foreach (var marker in AllMarkers.Where(text.Contains))
                    {
                        Assert.True(AllowedFor(role).Contains(marker), $"{method} {path} as {role} leaked {marker}:\n{text[..Math.Min(text.Length, 2000)]}");
                        seen[role].Add(marker);
                    }
                }
            }
        }

        Assert.True(calls > 300, $"only {calls} calls: the walk missed endpoints");
        // The walk can see private data where it is allowed: it would notice a leak.
        foreach (var party in Parties)
        {
            Assert.Contains(Secret(party), seen[party]);
        }

        Assert.Contains(BidRU, seen["RU"]);
        Assert.Contains(BidUA, seen["UA"]);
        Assert.Contains(Disclosed, seen["mediator"]);
        Assert.Contains(Reservation("UA"), seen["mediator"]);
        foreach (var marker in S2Contents)
        {
            Assert.Contains(marker, seen["UA"]);
            Assert.Contains(marker, seen["RU"]);
        }

        var logs = string.Join("\n", s.Logs);
        Assert.NotEmpty(logs);
        foreach (var marker in AllMarkers)
        {
            Assert.DoesNotContain(marker, logs);
        }
    }

    private static async Task SeedAsync(TalksServer s)
    {
        const string talks = "/api/talks/" + TalksId;
        foreach (var party in Parties)
        {
            var own = await s.GetJsonAsync(talks + "/position", party);
            var position = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(own.GetRawText())!;
            var redLines = JsonSerializer.Deserialize<List<JsonElement>>(position["redLines"].GetRawText())!;
            redLines.Add(JsonSerializer.SerializeToElement(new { id = party + "-secret-line", rule = "C in [C1, C2, C3, C4]", note = Secret(party) }));
            var body = new
            {
                weights = position["weights"],
                scores = position["scores"],
                reservation = double.Parse(Reservation(party), CultureInfo.InvariantCulture),
                redLines,
                notes = "private notes " + Secret(party),
            };
            await s.PostOkAsync(talks + "/position", party, body, HttpMethod.Put);
        }

        await s.PostOkAsync(talks + "/disclosures", "UA", new { reservation = true, redLines = new[] { "UA-not-moscow" }, note = Disclosed });
        await s.PostOkAsync(talks + "/proposals", "RU", new { stage = "S2", package = new Dictionary<string, string> { ["V"] = "V3" }, note = S2Contents[0] });
        await s.PostOkAsync(talks + "/proposals/S2.RU.P1/reject", "UA", new { text = S2Contents[1] });
        await s.PostOkAsync(talks + "/meetings", "RU", new { id = "M1", stage = "S2", venue = "V3" });
        await s.PostOkAsync(talks + "/meetings/M1/schedule", "UA");
        await s.PostOkAsync(talks + "/meetings/M1/hold", "RU", new { text = S2Contents[2] });
        await s.PostOkAsync(talks + "/statements", "RU", new { text = S2Contents[3], @public = false, stage = "S2" });
        await s.PostOkAsync(talks + "/statements", "RU", new { text = "private words to every party", @public = false });
        await s.PostOkAsync(talks + "/statements", "UA", new { text = "a public word", @public = true });

        // The mediator's desk: consents (not to be named), a blind check, a bidding round in S2 with secret bounds.
        foreach (var party in Parties)
        {
            await s.PostOkAsync(talks + "/blind/consent", party, new { weights = true, reservation = true, redLines = true, named = false });
        }

        await s.PostOkAsync(talks + "/blind/check", "mediator", new { parties = new[] { "RU", "UA", "US", "EU" } });
        await s.PostOkAsync(talks + "/blind/bids", "RU", new { stage = "S2", subject = "prisoners", min = 0, max = 9999 });
        await s.PostOkAsync(talks + "/blind/bids/S2.RU.B1", "RU", new { side = "at-most", bound = double.Parse(BidRU, CultureInfo.InvariantCulture) });
        await s.PostOkAsync(talks + "/blind/bids/S2.RU.B1", "UA", new { side = "at-least", bound = double.Parse(BidUA, CultureInfo.InvariantCulture) });

        // A revoked token and a made-up one: both must answer exactly as no valid token does (401), on every route.
        var issued = await s.PostOkAsync(talks + "/tokens", "organiser", new { kind = "party", party = "EU" });
        using (var revoked = await s.SendAsync(HttpMethod.Post, talks + $"/tokens/{issued.GetProperty("id").GetString()}/revoke", "organiser", new { text = "lost" }))
        {
            Assert.Equal(System.Net.HttpStatusCode.NoContent, revoked.StatusCode);
        }

        s.AddToken("revoked", issued.GetProperty("token").GetString()!);
        s.AddToken("wrong", "not-a-token-" + new string('x', 32));
    }

    private static IEnumerable<(string Method, string Pattern)> Endpoints(TalksServer s) =>
        s.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => (m, "/" + e.RoutePattern.RawText!.TrimStart('/'))))
            .Distinct()
            .ToList();

    private static IEnumerable<string> Expand(string pattern)
    {
        var values = new Dictionary<string, string[]>
        {
            ["{id}"] = [TalksId, "no-such-talks"],
            ["{party}"] = [.. Parties, "XX"],
            ["{stage}"] = ["S2", "S3", "S5"],
            ["{venue}"] = ["V3", "V9"],
            ["{meeting}"] = ["M1", "M9"],
            ["{proposal}"] = ["S2.RU.P1", "S2.UA.P1", "P404"],
            ["{token}"] = ["000000000000"],
            ["{round}"] = ["S2.RU.B1", "S2.UA.B1"],
            ["{name}"] = ["index.html", "app.js"],
        };
        IEnumerable<string> paths = [pattern];
        foreach (var (key, options) in values)
        {
            paths = paths.SelectMany(p => p.Contains(key, StringComparison.Ordinal) ? options.Select(o => p.Replace(key, o, StringComparison.Ordinal)) : [p]);
        }

        return paths.Select(p => p.EndsWith("/live", StringComparison.Ordinal) ? p + "?after=0" : p);
    }

    private static async Task<string> CallAsync(TalksServer s, string method, string path, string role)
    {
        // Bodies that reach the rules (and their error messages), not only the JSON binder.
        object? body = method == "GET" ? null
            : path.EndsWith("/disclosures", StringComparison.Ordinal) ? new { reservation = true, weights = true, redLines = new[] { "UA-secret-line", "RU-secret-line" }, note = "" }
            : path.EndsWith("/position", StringComparison.Ordinal) ? new { weights = new { C = 1 }, scores = new { }, reservation = 50, redLines = Array.Empty<object>() }
            : path.EndsWith("/proposals", StringComparison.Ordinal) ? new { stage = "S2", package = new { V = "V3" }, counterTo = "S2.RU.P1" }
            : path.EndsWith("/tokens", StringComparison.Ordinal) ? new { kind = "observer" }
            : path.EndsWith("/blind/check", StringComparison.Ordinal) ? new { parties = new[] { "RU", "UA" }, stage = "S2" }
            : path.Contains("/blind/bids/", StringComparison.Ordinal) ? new { side = "at-least", bound = 5 }
            : path.EndsWith("/blind/consent", StringComparison.Ordinal) ? new { weights = true, reservation = true, redLines = true }
            : new { text = "probe", name = "probe", stage = "S2", venue = "V3", outcome = "done", date = "2025-09-01", consequence = "notice", @public = false };
        using var request = s.Request(new HttpMethod(method), path, role, body);
        using var response = await s.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        var text = new StringBuilder();
        text.Append((int)response.StatusCode).Append(' ').AppendLine(string.Join("\n", response.Headers.Concat(response.Content.Headers).Select(h => $"{h.Key}: {string.Join(",", h.Value)}")));
        if (response.Content.Headers.ContentType?.MediaType == "text/event-stream")
        {
            using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            for (var line = await reader.ReadLineAsync(timeout.Token); line is not null and not "event: live"; line = await reader.ReadLineAsync(timeout.Token))
            {
                text.AppendLine(line);
            }
        }
        else
        {
            text.Append(await response.Content.ReadAsStringAsync());
        }

        return text.ToString();
    }
}
