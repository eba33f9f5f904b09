using System.Net;
using System.Text.Json.Nodes;
using Parley.Cli;
using Parley.Scenarios;
using Parley.Tests;

namespace Parley.Studio.Tests;

/// <summary>The studio API on the flagship and on a new scenario: open, check, lenses, save, versions, diff, briefing.</summary>
public sealed class StudioApiTests
{
    /// <summary>Every example scenario (tournament.yaml is a tournament configuration, not a scenario).</summary>
    public static TheoryData<string> Examples() =>
        [.. Directory.GetFiles(TestPaths.Examples, "*.yaml").Select(Path.GetFileName).OfType<string>().Where(f => f != "tournament.yaml")];

    [Fact]
    public async Task Document_OfTheFlagship_GivesItsTree_File_AndTheCommentsSavingWouldDrop()
    {
        await using var s = await StudioHost.StartAsync();

        var doc = await s.DocumentAsync();

        Assert.Equal("ukraine-talks-2025", doc["tree"]!["id"]!.GetValue<string>());
        Assert.Equal(s.File, doc["file"]!.GetValue<string>());
        Assert.Equal(42, doc["comments"]!.GetValue<int>());
        Assert.Empty(doc["versions"]!.AsArray());
        Assert.StartsWith("# Flagship scenario", doc["yaml"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Document_OfANewScenario_IsAnEmptyTree_WithNoFile()
    {
        await using var s = await StudioHost.StartAsync(example: null);

        var doc = await s.DocumentAsync();

        Assert.Equal("""{"parley":"1"}""", doc["tree"]!.ToJsonString());
        Assert.Null(doc["file"]);
        Assert.Equal(0, doc["comments"]!.GetValue<int>());
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public async Task Check_OfAnExampleAsOpened_IsValid_AndItsYamlLoadsToTheSameScenario(string example)
    {
        await using var s = await StudioHost.StartAsync(example);
        var original = ScenarioLoader.Load(await File.ReadAllTextAsync(TestPaths.Example(example)), example).Scenario!;

        var check = await StudioHost.JsonAsync(await s.PostAsync("check", new JsonObject { ["tree"] = await s.TreeAsync() }));

        Assert.True(check["valid"]!.GetValue<bool>(), check["diagnostics"]!.ToJsonString());
        var yaml = check["yaml"]!.GetValue<string>();
        Assert.Equal(original, ScenarioLoader.Load(yaml, example).Scenario);
        // The header comment block is kept above the document.
        Assert.Equal((await File.ReadAllLinesAsync(TestPaths.Example(example)))[0], yaml.Split('\n')[0]);
    }

    [Fact]
    public async Task Check_AnUnknownOptionInARedLine_IsAnErrorAtTheRule_WithItsFileLineColumn()
    {
        await using var s = await StudioHost.StartAsync();
        var tree = await s.TreeAsync();
        tree["preferences"]!["RU"]!["red_lines"]![0]!["rule"] = "T in [T3, T9]";

        var check = await StudioHost.JsonAsync(await s.PostAsync("check", new JsonObject { ["tree"] = tree }));

        Assert.False(check["valid"]!.GetValue<bool>());
        var error = check["diagnostics"]!.AsArray().First(d => d!["message"]!.GetValue<string>().Contains("T9", StringComparison.Ordinal))!;
        Assert.Equal("/preferences/RU/red_lines/0/rule", error["path"]!.GetValue<string>());
        Assert.Matches(@"^ukraine-talks-2025\.yaml:\d+:\d+$", error["location"]!.GetValue<string>());
        // The location is the one the YAML would have: its line holds the rule.
        var line = check["yaml"]!.GetValue<string>().Split('\n')[error["line"]!.GetValue<int>() - 1];
        Assert.Contains("T in [T3, T9]", line, StringComparison.Ordinal);
        Assert.Null(check["ids"]);
    }

    [Fact]
    public async Task Check_AnUnknownKey_IsReportedAtTheKeysEntry()
    {
        await using var s = await StudioHost.StartAsync();
        var tree = await s.TreeAsync();
        tree["parties"]![0]!["nmae"] = "typo";

        var check = await StudioHost.JsonAsync(await s.PostAsync("check", new JsonObject { ["tree"] = tree }));

        var error = check["diagnostics"]!.AsArray().Single(d => d!["severity"]!.GetValue<string>() == "error")!;
        Assert.Equal("/parties/0/nmae", error["path"]!.GetValue<string>());
        Assert.Contains("did you mean 'name'", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_GivesTheLoadersOptionIds_NumericIssuesExpanded()
    {
        await using var s = await StudioHost.StartAsync("job-offer.yaml");

        var check = await StudioHost.JsonAsync(await s.PostAsync("check", new JsonObject { ["tree"] = await s.TreeAsync() }));

        var salary = check["ids"]!["issues"]!.AsArray().Single(i => i!["id"]!.GetValue<string>() == "salary")!;
        Assert.Equal(["salary60", "salary65", "salary70", "salary75", "salary80", "salary85", "salary90"], salary["options"]!.AsArray().Select(o => o!.GetValue<string>()));
    }

    [Fact]
    public async Task Lenses_GiveTheBriefingsNumbers_ForTheSameFile_AsParleyReportPrintsThem()
    {
        await using var s = await StudioHost.StartAsync();
        var tree = await s.TreeAsync();
        var report = Path.Combine(s.Folder, "report.html");
        var (code, json) = Cli("report", s.File!, "--format", "json", "--runs", "200", "-o", report);
        Assert.Equal(0, code);
        var sections = JsonNode.Parse(json)!["sections"]!.AsArray().ToDictionary(x => x!["id"]!.GetValue<string>(), x => x!["data"]);

        foreach (var (lens, section) in new[] { ("bargaining", "agreement"), ("stability", "stability"), ("outlook", "outlook"), ("forecast", "forecast") })
        {
            var answer = await StudioHost.JsonAsync(await s.PostAsync($"lens/{lens}", new JsonObject { ["tree"] = tree.DeepClone() }));
            Assert.Equal("available", answer["status"]!.GetValue<string>());
            Assert.True(JsonNode.DeepEquals(sections[section], answer["data"]), $"{lens}: {answer["data"]!.ToJsonString()[..200]}");
            // Each plot is sent once: in plots, not again in the section's HTML.
            foreach (var plot in answer["plots"]!.AsObject())
            {
                Assert.DoesNotContain(plot.Value!.GetValue<string>()[..80], answer["html"]!.GetValue<string>(), StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task BargainingLens_IsParleyBargainsJson_AndFollowsARedLineSwitchedOff()
    {
        await using var s = await StudioHost.StartAsync();
        var tree = await s.TreeAsync();
        var (code, json) = Cli("bargain", s.File!, "--format", "json");
        Assert.Equal(0, code);
        var cli = JsonNode.Parse(json)!.AsObject();
        cli.Remove("source");

        var answer = await StudioHost.JsonAsync(await s.PostAsync("lens/bargaining", new JsonObject { ["tree"] = tree.DeepClone() }));
        Assert.True(JsonNode.DeepEquals(cli, answer["data"]));
        Assert.Equal(9216, answer["data"]!["outcomes"]!.GetValue<long>());
        Assert.Equal(0, answer["data"]!["agreementZone"]!.GetValue<long>());

        // RU-donbas off (the red line and the simulation override naming it): the zone opens to 7 packages.
        tree["preferences"]!["RU"]!["red_lines"]!.AsArray().RemoveAt(0);
        tree["simulation"]!["uncertainty"]!["red_lines"]!["overrides"]!.AsObject().Remove("RU-donbas");
        var opened = await StudioHost.JsonAsync(await s.PostAsync("lens/bargaining", new JsonObject { ["tree"] = tree }));
        Assert.Equal(7, opened["data"]!["agreementZone"]!.GetValue<long>());
        Assert.NotNull(opened["data"]!["nash"]!["label"]);
    }

    [Fact]
    public async Task OutlookLens_RunsTwoHundredWhileEditing_AndTheCountAskedFor()
    {
        await using var s = await StudioHost.StartAsync();
        var tree = await s.TreeAsync();

        var editing = await StudioHost.JsonAsync(await s.PostAsync("lens/outlook", new JsonObject { ["tree"] = tree.DeepClone() }));
        var more = await StudioHost.JsonAsync(await s.PostAsync("lens/outlook", new JsonObject { ["tree"] = tree, ["runs"] = 400, ["seed"] = 7 }));

        Assert.Equal(200, editing["data"]!["runs"]!.GetValue<int>());
        Assert.Equal(400, more["data"]!["runs"]!.GetValue<int>());
        Assert.Equal(7, more["seed"]!.GetValue<int>());
        Assert.StartsWith("<svg", more["plots"]!["agreement-curve"]!.GetValue<string>().TrimStart(), StringComparison.Ordinal);
        // P(S4 by date): the focus stage's curve is in the data and drawn in the plot.
        Assert.Equal("S4", more["data"]!["focus"]!.GetValue<string>());
        var curve = more["data"]!["curve"]!.AsArray();
        Assert.True(curve.Count >= 2);
        var s4 = curve.Select(c => c!["opened"]!.AsArray().Single(o => o!["id"]!.GetValue<string>() == "S4")!["p"]!.GetValue<double>()).ToList();
        Assert.Equal(s4.Order(), s4);
        Assert.True(s4[^1] > 0);
        Assert.Contains("P(S4 opened)", more["plots"]!["agreement-curve"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lens_WithoutItsSection_SaysWhy()
    {
        await using var s = await StudioHost.StartAsync("job-offer.yaml");

        var answer = await StudioHost.JsonAsync(await s.PostAsync("lens/stability", new JsonObject { ["tree"] = await s.TreeAsync() }));

        Assert.Equal("no-input", answer["status"]!.GetValue<string>());
        Assert.Contains("conflict", answer["headlines"]![0]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lens_OnAScenarioWithErrors_Is422_WithTheCheck_AndRunsNothing()
    {
        await using var s = await StudioHost.StartAsync();
        var tree = await s.TreeAsync();
        tree["issues"]![0]!["options"] = new JsonArray();

        var response = await s.PostAsync("lens/bargaining", new JsonObject { ["tree"] = tree });

        Assert.Equal((HttpStatusCode)422, response.StatusCode);
        var body = await StudioHost.JsonAsync(response);
        Assert.False(body["valid"]!.GetValue<bool>());
        Assert.NotEmpty(body["diagnostics"]!.AsArray());
        Assert.Null(body["data"]);
    }

    [Fact]
    public async Task Save_WritesTheHeaderAndTheDocument_KeepsAVersion_AndLoadsBackEqual()
    {
        await using var s = await StudioHost.StartAsync();
        var tree = await s.TreeAsync();
        tree["preferences"]!["RU"]!["weights"]!["T"] = "25";

        var saved = await StudioHost.JsonAsync(await s.PostAsync("save", new JsonObject { ["tree"] = tree }));

        Assert.Equal(s.File, saved["path"]!.GetValue<string>());
        Assert.Equal("2025-08-18T163000Z", saved["version"]!["id"]!.GetValue<string>());
        var text = await File.ReadAllTextAsync(s.File!);
        Assert.StartsWith("# Flagship scenario", text, StringComparison.Ordinal);
        var reloaded = ScenarioLoader.Load(text, "x.yaml").Scenario!;
        Assert.Equal(25, reloaded.PreferencesOf("RU")!.Weights[reloaded.Issues.ToList().FindIndex(i => i.Id == "T")]);
        var version = Path.Combine(s.Folder, "ukraine-talks-2025.versions", "2025-08-18T163000Z.yaml");
        Assert.Equal(text, await File.ReadAllTextAsync(version));
        // After a save nothing more is lost: the document has no inner comments left.
        Assert.Equal(0, (await s.DocumentAsync())["comments"]!.GetValue<int>());

        // A second save in the same second is a second version; both are listed, oldest first.
        await s.PostAsync("save", new JsonObject { ["tree"] = tree.DeepClone() });
        s.Time.Advance(TimeSpan.FromMinutes(5));
        await s.PostAsync("save", new JsonObject { ["tree"] = tree.DeepClone() });
        var versions = JsonNode.Parse(await s.Http.GetStringAsync("/api/studio/versions"))!.AsArray();
        Assert.Equal(["2025-08-18T163000Z", "2025-08-18T163000Z-2", "2025-08-18T163500Z"], versions.Select(v => v!["id"]!.GetValue<string>()));
        Assert.Equal("2025-08-18 16:35:00 UTC", versions[2]!["savedAt"]!.GetValue<string>());
        Assert.StartsWith("Bilateral first", versions[2]!["title"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Save_OfAScenarioWithErrors_Is422_AndLeavesTheFileAsItWas()
    {
        await using var s = await StudioHost.StartAsync();
        var before = await File.ReadAllTextAsync(s.File!);
        var tree = await s.TreeAsync();
        tree["parties"] = new JsonArray();

        var response = await s.PostAsync("save", new JsonObject { ["tree"] = tree });

        Assert.Equal((HttpStatusCode)422, response.StatusCode);
        Assert.Equal(before, await File.ReadAllTextAsync(s.File!));
        Assert.False(Directory.Exists(Path.Combine(s.Folder, "ukraine-talks-2025.versions")));
    }

    [Theory]
    [InlineData(null, "'path' is required")]
    [InlineData("notes.txt", ".yaml or .yml")]
    public async Task Save_OfANewScenario_NeedsAYamlPath(string? path, string message)
    {
        await using var s = await StudioHost.StartAsync(example: null);
        var body = new JsonObject { ["tree"] = await TreeOf("job-offer.yaml") };
        if (path is not null)
        {
            body["path"] = path;
        }

        var response = await s.PostAsync("save", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await StudioHost.JsonAsync(response);
        Assert.Equal("path", problem["field"]!.GetValue<string>());
        Assert.Contains(message, problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Save_OfANewScenario_ToAPath_CreatesItAndItsVersions()
    {
        await using var s = await StudioHost.StartAsync(example: null);
        var target = Path.Combine(s.Folder, "offer.yaml");

        var saved = await StudioHost.JsonAsync(await s.PostAsync("save", new JsonObject { ["tree"] = await TreeOf("job-offer.yaml"), ["path"] = target }));

        Assert.Equal(target, saved["path"]!.GetValue<string>());
        Assert.Equal(ScenarioLoader.Load(await File.ReadAllTextAsync(TestPaths.Example("job-offer.yaml")), "a").Scenario, ScenarioLoader.Load(await File.ReadAllTextAsync(target), "b").Scenario);
        Assert.True(File.Exists(Path.Combine(s.Folder, "offer.versions", "2025-08-18T163000Z.yaml")));
        Assert.Equal(target, (await s.DocumentAsync())["file"]!.GetValue<string>());
    }

    [Fact]
    public async Task Diff_OfTheFileAndTheScenarioBeingEdited_NamesTheChange_AndWhatItMoved()
    {
        await using var s = await StudioHost.StartAsync();
        var tree = await s.TreeAsync();
        tree["preferences"]!["RU"]!["red_lines"]!.AsArray().RemoveAt(0);
        tree["simulation"]!["uncertainty"]!["red_lines"]!["overrides"]!.AsObject().Remove("RU-donbas");

        var response = await s.PostAsync("diff", new JsonObject { ["old"] = "file", ["new"] = "current", ["tree"] = tree, ["runs"] = 100 });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var diff = await StudioHost.JsonAsync(response);
        Assert.Contains(diff["changes"]!.AsArray(), c => c!.ToJsonString().Contains("RU-donbas", StringComparison.Ordinal));
        Assert.Contains(diff["findings"]!.AsArray(), f => f!.ToJsonString().Contains("zone", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(100, diff["runs"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("2025-01-01T000000Z")]
    [InlineData("../ukraine-talks-2025")]
    [InlineData("..%2F..%2Fetc%2Fpasswd")]
    public async Task Diff_OfAVersionThatIsNotThere_Is404_NamingTheField(string id)
    {
        await using var s = await StudioHost.StartAsync();

        var response = await s.PostAsync("diff", new JsonObject { ["old"] = id, ["new"] = "current", ["tree"] = await s.TreeAsync() });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("old", (await StudioHost.JsonAsync(response))["field"]!.GetValue<string>());
    }

    [Fact]
    public async Task Briefing_IsTheReportPage_ForTheScenarioAsEdited()
    {
        await using var s = await StudioHost.StartAsync("job-offer.yaml");
        var tree = await s.TreeAsync();
        tree["title"] = "Edited offer";

        var response = await s.PostAsync("briefing", new JsonObject { ["tree"] = tree });

        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("briefing-job-offer.html", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Edited offer", html, StringComparison.Ordinal);
        Assert.Contains("id=\"agreement\"", html, StringComparison.Ordinal);
    }

    private static async Task<JsonNode> TreeOf(string example)
    {
        await using var source = await StudioHost.StartAsync(example);
        return await source.TreeAsync();
    }

    private static (int Code, string Output) Cli(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = CliApp.Run(args, stdout, stderr);
        return (code, stdout.ToString());
    }
}
