using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Parley.Bargaining;
using Parley.Cli;
using Parley.Scenarios;
using Parley.Tests;

namespace Parley.Studio.BrowserTests;

/// <summary>
/// The issue's done-when: examples/job-offer.yaml built from an empty workbench through the UI alone (clicks and typing),
/// saved, and the saved file is the same scenario: it loads to a model equal to the original's, <c>parley validate</c>
/// accepts it, and <c>parley bargain --format json</c> gives the same zone, Nash package and utilities.
/// </summary>
public sealed class JobOfferFromScratchTests
{
    [ChromiumFact]
    public async Task JobOffer_BuiltFromAnEmptyWorkbench_SavesTheSameScenario()
    {
        await using var s = await StudioSession.StartAsync(example: null);
        var original = ScenarioLoader.Load(File.ReadAllText(TestPaths.Example("job-offer.yaml")), "job-offer.yaml").Scenario!;
        await Assertions.Expect(s.TestId("file")).ToContainTextAsync("new scenario");

        // Situation: the top level and the two parties.
        await s.FillAsync("/id", "job-offer");
        await s.FillAsync("/title", "Job offer for a senior analyst");
        await s.FillAsync("/description", original.Description);
        await s.AddAsync("/parties");
        await s.AddAsync("/parties");
        await Party(s, 0, "CAND", "Candidate");
        await Party(s, 1, "EMP", "Employer");
        await s.AddAsync("/parties/1/negotiators");
        await s.AddAsync("/parties/1/negotiators");
        await s.FillAsync("/parties/1/negotiators/0", "Hiring manager");
        await s.FillAsync("/parties/1/negotiators/1", "HR partner");
        await s.ScreenshotAsync("studio-build-situation");

        // Issues: two numeric, two discrete.
        await s.TabAsync("issues");
        for (var i = 0; i < 4; i++)
        {
            await s.AddAsync("/issues");
        }

        await Numeric(s, 0, "salary", "Annual salary", "60", "90", "5", "kEUR");
        await Numeric(s, 1, "remote", "Remote days per week", "0", "4", "1", "days");
        await Discrete(s, 2, "start", "Start date", ("start-2w", "in two weeks"), ("start-1m", "in one month"), ("start-3m", "in three months"));
        await Discrete(s, 3, "title", "Job title", ("analyst", "Senior analyst"), ("lead", "Lead analyst"));
        await s.ScreenshotAsync("studio-build-issues");

        // Preferences: weights, the three score forms, reservation values, red lines.
        await s.TabAsync("preferences");
        await AddPreferences(s, "CAND");
        await Weights(s, "CAND", ("salary", "50"), ("remote", "20"), ("start", "10"), ("title", "20"));
        await Function(s, "CAND", "salary", ("60", "0"), ("70", "50"), ("80", "85"), ("90", "100"));
        await List(s, "CAND", "remote", "0", "40", "70", "90", "100");
        await Mapping(s, "CAND", "start", ("start-2w", "40"), ("start-1m", "100"), ("start-3m", "70"));
        await List(s, "CAND", "title", "30", "100");
        await s.FillAsync("/preferences/CAND/reservation", "45");
        await RedLine(s, "CAND", 0, "cand-min-salary", "salary >= 70", "the other offer pays 70k");
        await RedLine(s, "CAND", 1, "cand-remote", "remote >= 1", "needs at least one day at home");
        await AddPreferences(s, "EMP");
        await Weights(s, "EMP", ("salary", "45"), ("remote", "15"), ("start", "25"), ("title", "15"));
        await Function(s, "EMP", "salary", ("60", "100"), ("75", "60"), ("90", "0"));
        await Mapping(s, "EMP", "remote", ("remote0", "100"), ("remote1", "100"), ("remote2", "80"), ("remote3", "40"), ("remote4", "0"));
        await List(s, "EMP", "start", "100", "70", "10");
        await List(s, "EMP", "title", "100", "40");
        await s.FillAsync("/preferences/EMP/reservation", "35");
        await RedLine(s, "EMP", 0, "emp-budget", "salary <= 85", "approved budget");
        await RedLine(s, "EMP", 1, "emp-lead-title", "if title == lead then salary >= 75", "pay band of the lead title");
        await s.ScreenshotAsync("studio-build-preferences");

        // Process: four stages, a deadline, confidentiality.
        await s.TabAsync("process");
        await s.AddAsync("/process");
        for (var i = 0; i < 4; i++)
        {
            await s.AddAsync("/process/stages");
        }

        await Stage(s, 0, "interviews", "interviews and references", ["CAND", "EMP"], [], [], "done", null);
        await Stage(s, 1, "offer", "written offer", ["EMP"], ["interviews"], ["salary", "title"], "done", null);
        await Stage(s, 2, "bargain", "negotiation of the package", ["CAND", "EMP"], ["offer"], ["salary", "remote", "start", "title"], "open", null);
        await Stage(s, 3, "sign", "contract signed", ["CAND", "EMP"], ["bargain"], [], null, "contract signed");
        await s.AddAsync("/process/deadlines");
        await s.FillAsync("/process/deadlines/0/id", "offer-lapses");
        await s.FillAsync("/process/deadlines/0/name", "the written offer lapses");
        await s.FillAsync("/process/deadlines/0/date", "2025-10-15");
        await s.SelectAsync("/process/deadlines/0/stage", "bargain");
        await s.SelectAsync("/process/deadlines/0/set_by", "EMP");
        await s.SelectAsync("/process/deadlines/0/consequence", "close-stage");
        await s.FillAsync("/process/deadlines/0/note", "the employer turns to its second candidate");
        await s.SelectAsync("/process/confidentiality/contents", "participants");
        await s.SelectAsync("/process/confidentiality/positions", "private");
        await s.SelectAsync("/process/confidentiality/statements", "participants");
        await s.SelectAsync("/process/confidentiality/disclosure_to", "mediator");

        // The loader accepts it and the lenses answer on it.
        await Assertions.Expect(s.TestId("status")).ToHaveTextAsync("valid", new() { Timeout = 60_000 });
        await Assertions.Expect(s.TestId("pkg-count")).ToHaveTextAsync("210", new() { Timeout = 60_000 });
        await s.ScreenshotAsync("studio-build-process");

        var saved = Path.Combine(s.Folder, "job-offer.yaml");
        await s.TestId("save").ClickAsync();
        await s.TestId("save-path").FillAsync(saved);
        await s.TestId("save-confirm").ClickAsync();
        await Assertions.Expect(s.TestId("save-status")).ToContainTextAsync("Saved", new() { Timeout = 30_000 });
        Assert.True(s.Errors.Count == 0, string.Join("\n", s.Errors));

        var reloaded = ScenarioLoader.Load(File.ReadAllText(saved), saved);
        Assert.True(reloaded.Success, string.Join("\n", reloaded.Diagnostics));
        Assert.Equal(original, reloaded.Scenario);
        Assert.Equal(0, Cli("validate", saved).Code);
        var before = Bargain(TestPaths.Example("job-offer.yaml"));
        var after = Bargain(saved);
        Assert.Equal(before.AgreementZone, after.AgreementZone);
        Assert.Equal(before.Nash?.Label, after.Nash?.Label);
        Assert.Equal(before.Nash?.Parties.Select(p => (p.PartyId, p.Utility)), after.Nash?.Parties.Select(p => (p.PartyId, p.Utility)));
        Assert.Equal(BargainJson(TestPaths.Example("job-offer.yaml")), BargainJson(saved));
    }

    private static async Task Party(StudioSession s, int i, string id, string name)
    {
        await s.FillAsync($"/parties/{i}/id", id);
        await s.FillAsync($"/parties/{i}/name", name);
        await s.PickAsync($"/parties/{i}/roles", "party");
    }

    private static async Task Numeric(StudioSession s, int i, string id, string name, string min, string max, string step, string unit)
    {
        await s.FillAsync($"/issues/{i}/id", id);
        await s.FillAsync($"/issues/{i}/name", name);
        await s.SelectAsync($"/issues/{i}/kind", "numeric");
        await s.FillAsync($"/issues/{i}/numeric/min", min);
        await s.FillAsync($"/issues/{i}/numeric/max", max);
        await s.FillAsync($"/issues/{i}/numeric/step", step);
        await s.FillAsync($"/issues/{i}/numeric/unit", unit);
    }

    private static async Task Discrete(StudioSession s, int i, string id, string name, params (string Id, string Name)[] options)
    {
        await s.FillAsync($"/issues/{i}/id", id);
        await s.FillAsync($"/issues/{i}/name", name);
        for (var k = 0; k < options.Length; k++)
        {
            await s.AddAsync($"/issues/{i}/options");
            await s.FillAsync($"/issues/{i}/options/{k}/id", options[k].Id);
            await s.FillAsync($"/issues/{i}/options/{k}/name", options[k].Name);
        }
    }

    private static async Task AddPreferences(StudioSession s, string party)
    {
        await s.Page.Locator("[data-add-key='/preferences']").SelectOptionAsync(party);
        await s.AddAsync("/preferences");
    }

    private static async Task Weights(StudioSession s, string party, params (string Issue, string Weight)[] weights)
    {
        foreach (var (issue, weight) in weights)
        {
            await s.FillAsync($"/preferences/{party}/weights/{issue}", weight);
        }
    }

    private static async Task Function(StudioSession s, string party, string issue, params (string X, string Score)[] points)
    {
        var path = $"/preferences/{party}/scores/{issue}";
        await s.SelectAsync($"{path}#form", "function");
        for (var k = 2; k < points.Length; k++)
        {
            await s.AddAsync($"{path}/function");
        }

        for (var k = 0; k < points.Length; k++)
        {
            await s.FillAsync($"{path}/function/{k}/0", points[k].X);
            await s.FillAsync($"{path}/function/{k}/1", points[k].Score);
        }
    }

    private static async Task List(StudioSession s, string party, string issue, params string[] scores)
    {
        var path = $"/preferences/{party}/scores/{issue}";
        await s.SelectAsync($"{path}#form", "list");
        for (var k = 0; k < scores.Length; k++)
        {
            await s.FillAsync($"{path}/{k}", scores[k]);
        }
    }

    private static async Task Mapping(StudioSession s, string party, string issue, params (string Option, string Score)[] scores)
    {
        var path = $"/preferences/{party}/scores/{issue}";
        await s.SelectAsync($"{path}#form", "mapping");
        foreach (var (option, score) in scores)
        {
            await s.FillAsync($"{path}/{option}", score);
        }
    }

    private static async Task RedLine(StudioSession s, string party, int i, string id, string rule, string note)
    {
        var path = $"/preferences/{party}/red_lines";
        await s.AddAsync(path);
        await s.FillAsync($"{path}/{i}/id", id);
        await s.FillAsync($"{path}/{i}/rule", rule);
        await s.FillAsync($"{path}/{i}/note", note);
    }

    private static async Task Stage(StudioSession s, int i, string id, string name, string[] participants, string[] after, string[] agenda, string? status, string? success)
    {
        var path = $"/process/stages/{i}";
        await s.FillAsync($"{path}/id", id);
        await s.FillAsync($"{path}/name", name);
        foreach (var p in participants)
        {
            await s.PickAsync($"{path}/participants", p);
        }

        foreach (var a in after)
        {
            await s.PickAsync($"{path}/after", a);
        }

        foreach (var a in agenda)
        {
            await s.PickAsync($"{path}/agenda", a);
        }

        if (status is not null)
        {
            await s.SelectAsync($"{path}/status", status);
        }

        if (success is not null)
        {
            await s.FillAsync($"{path}/success", success);
        }
    }

    private static BargainingResult Bargain(string file)
    {
        var scenario = ScenarioLoader.Load(File.ReadAllText(file), file).Scenario!;
        return BargainingSolver.Solve(UtilityTable.FromScenario(scenario, null), new BargainingOptions(), CancellationToken.None);
    }

    // `parley bargain FILE --format json`, without the line naming the input file.
    private static string BargainJson(string file)
    {
        var (code, output) = Cli("bargain", file, "--format", "json");
        Assert.Equal(0, code);
        var json = JsonNode.Parse(output)!.AsObject();
        json.Remove("source");
        json.Remove("file");
        return json.ToJsonString();
    }

    private static (int Code, string Output) Cli(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = CliApp.Run(args, stdout, stderr);
        return (code, stdout + stderr.ToString());
    }
}
