using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace Parley.Studio.Tests;

/// <summary>What an attacker or a broken client sends: every POST route with a wrong media type, malformed or oversized
/// JSON, missing and mistyped fields, a foreign Host; each is a 4xx naming the field, never a 500, and nothing is written.</summary>
public sealed class StudioRequestTests
{
    public static TheoryData<string> Routes() => ["check", "yaml", "lens/bargaining", "briefing", "save", "diff"];

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task EveryPost_RefusesANonJsonBody_With415(string route)
    {
        await using var s = await StudioHost.StartAsync();

        var form = await s.Http.PostAsync("/api/studio/" + route, new StringContent("tree=x", Encoding.UTF8, "application/x-www-form-urlencoded"));
        var plain = await s.Http.PostAsync("/api/studio/" + route, new StringContent("{}", Encoding.UTF8, "text/plain"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, form.StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, plain.StatusCode);
        Assert.Equal("application/problem+json", form.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task EveryPost_RefusesMalformedJson_With400_NamingWhere(string route)
    {
        await using var s = await StudioHost.StartAsync();

        foreach (var body in new[] { "{\"tree\": ", "[1, 2]", "\"text\"", "{\"tree\": {\"a\": 1,}}" })
        {
            var response = await s.Http.PostAsync("/api/studio/" + route, new StringContent(body, Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var problem = await StudioHost.JsonAsync(response);
            Assert.Equal("$", problem["field"]!.GetValue<string>());
            Assert.DoesNotContain("   at ", problem.ToJsonString(), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("check", """{}""", "tree")]
    [InlineData("check", """{"tree": [1]}""", "tree")]
    [InlineData("check", """{"tree": "parley: 1"}""", "tree")]
    [InlineData("yaml", """{"yaml": 3}""", "yaml")]
    [InlineData("yaml", """{}""", "yaml")]
    [InlineData("lens/outlook", """{"tree": {}, "runs": 0}""", "runs")]
    [InlineData("lens/outlook", """{"tree": {}, "runs": 1e9}""", "runs")]
    [InlineData("lens/outlook", """{"tree": {}, "runs": "many"}""", "runs")]
    [InlineData("lens/outlook", """{"tree": {}, "by": "next week"}""", "by")]
    [InlineData("save", """{"tree": {}, "path": 5}""", "path")]
    [InlineData("save", """{"tree": {}, "path": "../../etc/passwd"}""", "path")]
    [InlineData("diff", """{"old": 1}""", "old")]
    public async Task AMissingOrMistypedField_Is400_NamingIt(string route, string body, string field)
    {
        await using var s = await StudioHost.StartAsync();

        var response = await s.Http.PostAsync("/api/studio/" + route, new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(field, (await StudioHost.JsonAsync(response))["field"]!.GetValue<string>());
    }

    [Fact]
    public async Task ATreeNestedTooDeep_Is400_NamingItsJsonPath()
    {
        await using var s = await StudioHost.StartAsync();
        JsonNode deep = "x";
        for (var i = 0; i < 70; i++)
        {
            deep = new JsonObject { ["a"] = deep };
        }

        var response = await s.PostAsync("check", new JsonObject { ["tree"] = deep });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith("tree.a.a.a", (await StudioHost.JsonAsync(response))["field"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnOversizedBody_Is413_AndNothingIsSaved()
    {
        // A small limit, so the whole body fits the socket's buffers and the client reads the answer.
        await using var s = await StudioHost.StartAsync(maxBody: 16 * 1024);
        var before = await File.ReadAllTextAsync(s.File!);
        var huge = new JsonObject { ["tree"] = new JsonObject { ["title"] = new string('x', 40 * 1024) } };

        var response = await s.PostAsync("save", huge);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(before, await File.ReadAllTextAsync(s.File!));
    }

    [Theory]
    [InlineData("/api/studio/document")]
    [InlineData("/")]
    public async Task AForeignHostName_IsRefused_SoDnsRebindingCannotReachTheWorkbench(string path)
    {
        await using var s = await StudioHost.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Host = "attacker.example";

        var response = await s.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.MisdirectedRequest, response.StatusCode);
        Assert.DoesNotContain("ukraine", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // The same request with the loopback name is answered.
        Assert.Equal(HttpStatusCode.OK, (await s.Http.GetAsync(path)).StatusCode);
    }

    [Fact]
    public async Task AnUnknownLens_Is404_AndAnUnknownRoute_Too()
    {
        await using var s = await StudioHost.StartAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await s.PostAsync("lens/astrology", new JsonObject { ["tree"] = await s.TreeAsync() })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await s.Http.GetAsync("/api/studio/secrets")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await s.Http.GetAsync("/ui/../../Parley.Studio.dll")).StatusCode);
    }

    [Fact]
    public async Task TheUi_IsServedUnderTheStrictPolicy_WithTheTalksUisSharedModule()
    {
        await using var s = await StudioHost.StartAsync();

        var page = await s.Http.GetAsync("/");
        var dom = await s.Http.GetAsync("/ui/dom.js");

        Assert.Contains("default-src 'none'", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Contains("<title>Parley studio</title>", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("export function fillShadow", await dom.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
