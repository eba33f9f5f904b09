using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Parley.Tests;

namespace Parley.Cli.Tests.Report;

public sealed class ReportCommandTests(FlagshipBriefing flagship) : IClassFixture<FlagshipBriefing>
{
    private static readonly string[] SectionIds = ["situation", "stability", "agreement", "outlook", "forecast"];

    [Fact]
    public void Report_Flagship_HasEverySectionInOrderWithAHeading()
    {
        var sections = flagship.Document.QuerySelectorAll("main > section[data-section]");

        Assert.Equal(SectionIds, sections.Select(s => s.Id));
        Assert.All(sections, s => Assert.False(string.IsNullOrWhiteSpace(s.QuerySelector("h2")?.TextContent)));
        Assert.Equal(SectionIds, flagship.Document.QuerySelectorAll("nav a").Select(a => a.GetAttribute("href")!.TrimStart('#')));
    }

    [Fact]
    public void Report_Flagship_SituationShowsPartiesIssuesAndVenues()
    {
        var situation = Section("situation");

        Assert.Equal("available", situation.GetAttribute("data-status"));
        Assert.Equal(["RU", "UA", "US", "EU", "NATO"], Column(situation, "parties", 0));
        Assert.Equal(["mediator, guarantor"], Rows(situation, "parties").Where(r => r[0] == "US").Select(r => r[2]));
        Assert.Equal(["C", "T", "G", "S", "Q", "V"], Column(situation, "issues", 0));
        Assert.Contains("9,216 packages", situation.TextContent, StringComparison.Ordinal);
        // S3 (RU, UA) decides the venue: Istanbul is the only venue both accept and neither rejects.
        var venues = situation.QuerySelector("[data-common-venues='S3']")!.TextContent;
        Assert.Contains("V3 Istanbul", venues, StringComparison.Ordinal);
        Assert.DoesNotContain("V2", venues, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_Flagship_StageGraphHasEveryStageAndDependency()
    {
        var figure = flagship.Document.QuerySelector("#fig-stage-graph")!;
        var svg = figure.QuerySelector("svg")!;

        Assert.Equal([.. Enumerable.Range(1, 8).Select(i => $"S{i}")], svg.QuerySelectorAll("[data-stage]").Select(g => g.GetAttribute("data-stage")));
        Assert.Equal([.. Enumerable.Range(1, 7).Select(i => $"S{i}->S{i + 1}")], svg.QuerySelectorAll("[data-edge]").Select(e => e.GetAttribute("data-edge")));
        Assert.Equal("done", svg.QuerySelector("[data-stage='S1']")!.GetAttribute("data-status"));
        Assert.Equal("open", svg.QuerySelector("[data-stage='S2']")!.GetAttribute("data-status"));
        Assert.Contains("US joins here", svg.TextContent, StringComparison.Ordinal);
        Assert.Contains("D-two-weeks: 2025-09-01", svg.TextContent, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(figure.QuerySelector("figcaption")?.TextContent));
    }

    [Fact]
    public void Report_Flagship_TimelineShowsDeadlinesAndTheOutlookDate()
    {
        var svg = flagship.Document.QuerySelector("#fig-deadline-timeline svg")!;
        var events = svg.QuerySelectorAll("[data-event]").ToDictionary(e => e.GetAttribute("data-event")!, e => e.GetAttribute("data-date"));

        Assert.Equal("2025-08-08", events["D-aug8"]);
        Assert.Equal("2025-09-01", events["D-two-weeks"]);
        // No --by: the outlook date defaults to the scenario's last deadline.
        Assert.Equal("2025-09-01", events["by"]);
    }

    [Fact]
    public void Report_Flagship_LensSectionsWithoutTheirLensShowANoteAndNoNumbers()
    {
        var unavailable = flagship.Document.QuerySelectorAll("section[data-status='unavailable']");

        // Which lenses are in the build changes as they land; whichever are missing must say so and show nothing.
        Assert.All(unavailable, section =>
        {
            Assert.NotNull(section.QuerySelector($"[data-unavailable='{section.Id}']"));
            Assert.Contains("Not available in this build", section.TextContent, StringComparison.Ordinal);
            Assert.Empty(section.QuerySelectorAll("figure, table"));
        });
        Assert.All(flagship.Document.QuerySelectorAll("section[data-section]"),
            section => Assert.Contains(section.GetAttribute("data-status"), new[] { "available", "unavailable" }));
    }

    [Fact]
    public void Report_Flagship_StabilityListsEquilibriaAndTheStatusQuoPath()
    {
        var stability = Section("stability");

        Assert.Equal("available", stability.GetAttribute("data-status"));
        Assert.Equal(["Nash", "GMR", "SMR", "SEQ", "SIM", "SEQ∧SIM"], Column(stability, "equilibria", 0));
        // Nash ⊆ SEQ ⊆ GMR and Nash ⊆ SMR ⊆ GMR: the counts must respect the inclusions.
        var counts = Rows(stability, "equilibria").ToDictionary(r => r[0], r => int.Parse(r[1], System.Globalization.CultureInfo.InvariantCulture));
        Assert.InRange(counts["Nash"], 1, counts["SEQ"]);
        Assert.InRange(counts["SEQ"], counts["Nash"], counts["GMR"]);
        Assert.InRange(counts["SMR"], counts["Nash"], counts["GMR"]);
        // The flagship's status quo is "no option taken" (state 1); every final state of the improvement dynamics has a path in words.
        var statusQuo = stability.QuerySelector("[data-status-quo]")!;
        Assert.Equal("1", statusQuo.GetAttribute("data-status-quo"));
        var finals = statusQuo.GetAttribute("data-final")!.Split(',');
        Assert.Equal(finals, stability.QuerySelectorAll("[data-path-to]").Select(li => li.GetAttribute("data-path-to")));
        var graph = stability.QuerySelector("figure#fig-state-graph svg")!;
        Assert.Equal("status-quo", graph.QuerySelector("[data-state='1']")!.GetAttribute("data-role"));
        Assert.All(finals, f => Assert.Equal("final", graph.QuerySelector($"[data-state='{f}']")!.GetAttribute("data-role")));
        Assert.NotEmpty(graph.QuerySelectorAll("[data-move^='1->']"));
    }

    [Fact]
    public void Report_Flagship_OutlookGivesStageProbabilitiesThatRespectTheStageOrder()
    {
        var outlook = Section("outlook");

        Assert.Equal("available", outlook.GetAttribute("data-status"));
        Assert.Equal("2025-09-01", outlook.QuerySelector("[data-agreement-by]")!.GetAttribute("data-agreement-by"));
        var stages = Rows(outlook, "stage-outlook");
        Assert.Equal([.. Enumerable.Range(1, 8).Select(i => $"S{i}")], stages.Select(r => r[0].Split(' ')[0]));
        // A stage opens only after the one before it succeeded (the flagship's stages form a chain).
        for (var i = 1; i < stages.Count; i++)
        {
            Assert.True(Percent(stages[i][1]) <= Percent(stages[i - 1][2]), $"{stages[i][0]} opened more often than {stages[i - 1][0]} succeeded");
        }

        // The five largest swings, largest first, and each deadline's row wherever it ranks.
        var rows = Rows(outlook, "assumptions");
        var swings = rows.Select(r => Percent(r[4])).ToList();
        Assert.Equal(swings.OrderByDescending(x => x), swings);
        Assert.Equal(["deadline D-aug8 moved ±14 days", "deadline D-two-weeks moved ±14 days"], rows.Select(r => r[0]).Where(f => f.StartsWith("deadline ", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        Assert.InRange(rows.Count(r => !r[0].StartsWith("deadline ", StringComparison.Ordinal)), 1, 5);
        Assert.NotNull(outlook.QuerySelector("figure#fig-agreement-curve svg[viewBox]"));
        // The curve is P(agreement) and P(S4, the leaders' meeting, opened) by date, both in the legend.
        var legend = outlook.QuerySelector("figure#fig-agreement-curve svg")!.TextContent;
        Assert.Contains("P(agreement: S6 succeeded)", legend, StringComparison.Ordinal);
        Assert.Contains("P(S4 opened)", legend, StringComparison.Ordinal);
        Assert.Contains("--runs 300 --seed 1 --by 2025-09-01", outlook.QuerySelector("[data-inputs]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_Flagship_AgreementSpaceIsEmptyAndNamesTheTerritorialRedLines()
    {
        var agreement = Section("agreement");

        Assert.Equal("available", agreement.GetAttribute("data-status"));
        Assert.Equal("0", agreement.QuerySelector("[data-zone]")!.GetAttribute("data-zone"));
        Assert.Contains(agreement.QuerySelectorAll("[data-conflict]"), c => c.GetAttribute("data-conflict") == "RU-donbas,UA-no-withdrawal");
        // Only the two territorial red lines reopen the zone when dropped alone (issue 4's flagship check).
        var relaxations = Rows(agreement, "relaxations");
        Assert.Equal(["RU-donbas", "UA-no-withdrawal"], relaxations.Where(r => !r[0].Contains('+', StringComparison.Ordinal)).Select(r => r[0]));
        Assert.All(relaxations, r => Assert.True(int.Parse(r[1].Replace(",", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture) > 0));
        Assert.All(relaxations, r => Assert.Matches("^C\\d\\|T\\d\\|G\\d\\|S\\d\\|Q\\d\\|V\\d$", r[2]));
        var frontier = agreement.QuerySelector("figure#fig-frontier[data-figure='frontier'] svg[viewBox]");
        Assert.NotNull(frontier);
        Assert.Contains("RU utility", frontier.TextContent, StringComparison.Ordinal);
        Assert.Contains("UA utility", frontier.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_Flagship_FrontierHasOneInlineProjectionPerPartyPair()
    {
        var figure = Section("agreement").QuerySelector("figure#fig-frontier[data-figure='frontier']")!;
        string[] parties = ["RU", "UA", "US", "EU"];
        var expected = parties.SelectMany((x, i) => parties.Skip(i + 1).Select(y => $"{x},{y}")).ToList();

        var panels = figure.QuerySelectorAll(".projection[data-pair]");

        Assert.Equal(6, panels.Length);
        Assert.Equal(expected, panels.Select(p => p.GetAttribute("data-pair")));
        foreach (var panel in panels)
        {
            var pair = panel.GetAttribute("data-pair")!.Split(',');
            Assert.Equal($"frontier-{pair[0]}-{pair[1]}", panel.Id);
            var svg = panel.QuerySelector("svg[viewBox]");
            Assert.NotNull(svg);
            Assert.Contains($"{pair[0]} utility", svg.TextContent, StringComparison.Ordinal);
            Assert.Contains($"{pair[1]} utility", svg.TextContent, StringComparison.Ordinal);
            // Ids inside each panel carry its prefix, so no two panels share a clip path.
            Assert.All(svg.QuerySelectorAll("[id]"), e => Assert.StartsWith(panel.Id + "-", e.Id, StringComparison.Ordinal));
        }

        // The zone is empty: the shared legend (first panel) names the Nash packages of the minimal relaxations.
        Assert.Contains("Nash, dropping RU-donbas", panels[0].TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_Flagship_ForecastShowsOutcomeAndThatDroppingNatoMatters()
    {
        var forecast = Section("forecast");

        Assert.Equal("available", forecast.GetAttribute("data-status"));
        Assert.Equal(["Territory", "Guarantees", "SanctionsRelief", "CeasefireTiming"], Column(forecast, "forecast-outcome", 0));
        Assert.All(Rows(forecast, "forecast-outcome"), r =>
        {
            var outcome = double.Parse(r[4], System.Globalization.CultureInfo.InvariantCulture);
            Assert.InRange(outcome, 0, 100);
        });
        Assert.Equal(["RU", "UA", "US", "EU", "NATO"], Column(forecast, "forecast-robustness", 0));
        Assert.Equal("YES", Rows(forecast, "forecast-robustness").Single(r => r[0] == "NATO")[3]);
        Assert.Contains("NATO", forecast.QuerySelector("[data-fragile]")!.GetAttribute("data-fragile")!, StringComparison.Ordinal);
        Assert.NotNull(forecast.QuerySelector("figure#fig-forecast-positions svg[viewBox]"));
    }

    [Fact]
    public void Report_Flagship_StatesInputsAndThatTheyAreIllustrative()
    {
        Assert.Contains("Illustrative inputs give illustrative outputs", flagship.Document.QuerySelector("#illustrative")!.TextContent, StringComparison.Ordinal);
        foreach (var section in flagship.Document.QuerySelectorAll("section[data-status='available']"))
        {
            var inputs = section.QuerySelector($"[data-inputs='{section.Id}']");
            Assert.NotNull(inputs);
            Assert.Contains("ukraine-talks-2025.yaml", inputs.TextContent, StringComparison.Ordinal);
            Assert.Contains("Illustrative inputs give illustrative outputs", inputs.TextContent, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Report_Flagship_IsSelfContained()
    {
        var document = flagship.Document;

        Assert.Empty(document.QuerySelectorAll("script, link, iframe, object, embed"));
        var external = document.All
            .SelectMany(e => new[] { e.GetAttribute("src"), e.GetAttribute("href") })
            .Where(v => v is not null && !v.StartsWith('#') && !v.StartsWith("data:", StringComparison.Ordinal))
            .ToList();
        Assert.Empty(external);
        Assert.DoesNotContain("url(http", flagship.Html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("@media print", document.QuerySelector("head style")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_Flagship_IdsAreUniqueAndEveryInternalReferenceResolves()
    {
        var ids = flagship.Document.All.Select(e => e.Id).Where(id => !string.IsNullOrEmpty(id)).ToList();

        Assert.Equal(ids.Count, ids.Distinct().Count());
        var known = ids.ToHashSet();
        var references = System.Text.RegularExpressions.Regex.Matches(flagship.Html, "(?:url\\(#|href=\"#)([^)\"]+)").Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(references);
        Assert.All(references, r => Assert.Contains(r, known));
    }

    [Fact]
    public void Report_Flagship_JsonSummaryListsSectionsFiguresAndOutput()
    {
        var root = flagship.Summary.RootElement;

        Assert.Equal(flagship.Path, root.GetProperty("output").GetString());
        Assert.Equal("ukraine-talks-2025", root.GetProperty("scenario").GetProperty("id").GetString());
        Assert.Equal(64, root.GetProperty("scenario").GetProperty("sha256").GetString()!.Length);
        Assert.Equal("2025-09-01", root.GetProperty("inputs").GetProperty("by").GetString());
        var sections = root.GetProperty("sections").EnumerateArray().ToDictionary(s => s.GetProperty("id").GetString()!);
        Assert.Equal(SectionIds, sections.Keys);
        var situation = sections["situation"];
        Assert.Equal("available", situation.GetProperty("status").GetString());
        Assert.Equal(["stage-graph", "deadline-timeline"], situation.GetProperty("figures").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal(9216, situation.GetProperty("data").GetProperty("packages").GetDouble());
        Assert.Equal("S5", situation.GetProperty("data").GetProperty("mediatorEntersAt").GetString());
        var agreement = sections["agreement"].GetProperty("data");
        Assert.Equal(0, agreement.GetProperty("agreementZone").GetInt64());
        Assert.Equal(["RU", "UA", "US", "EU"], agreement.GetProperty("parties").EnumerateArray().Select(p => p.GetProperty("id").GetString()));
        Assert.Contains(agreement.GetProperty("relaxations").EnumerateArray(), r => r.GetProperty("drop").EnumerateArray().Single().GetString() == "RU-donbas");
        Assert.Equal(4, sections["forecast"].GetProperty("data").GetProperty("outcome").GetArrayLength());
        Assert.Equal(80, sections["stability"].GetProperty("data").GetProperty("states").GetInt32());
        Assert.Equal(3, sections["stability"].GetProperty("data").GetProperty("equilibria").GetProperty("nash").GetArrayLength());
        // Every figure the JSON names is on the page.
        foreach (var figure in sections.Values.SelectMany(s => s.GetProperty("figures").EnumerateArray()))
        {
            Assert.NotNull(flagship.Document.QuerySelector($"figure[data-figure='{figure.GetString()}'] svg"));
        }
    }

    [Fact]
    public void Report_TableFormat_PrintsSummaryAndPath()
    {
        var path = Path.Combine(flagship.Directory.FullName, "table.html");

        var (code, stdout, _) = CliRunner.Run("report", TestPaths.Example("ukraine-talks-2025.yaml"), "-o", path, "--runs", "300");

        Assert.Equal(0, code);
        Assert.Contains("Situation", stdout, StringComparison.Ordinal);
        Assert.Contains("Illustrative inputs give illustrative outputs", stdout, StringComparison.Ordinal);
        Assert.Contains("Wrote " + path, stdout.ReplaceLineEndings(" "), StringComparison.Ordinal);
    }

    [Fact]
    public void Report_SameInputsTwice_WritesIdenticalPages()
    {
        var again = Path.Combine(flagship.Directory.FullName, "again.html");

        var (code, _, _) = CliRunner.Run("report", TestPaths.Example("ukraine-talks-2025.yaml"), "-o", again, "--runs", "300", "--format", "json");

        Assert.Equal(0, code);
        Assert.Equal(flagship.Html, File.ReadAllText(again));
    }

    [Fact]
    public void Report_ByFlag_MovesTheOutlookDate()
    {
        var path = Path.Combine(flagship.Directory.FullName, "by.html");

        var (code, stdout, _) = CliRunner.Run("report", TestPaths.Example("ukraine-talks-2025.yaml"), "-o", path, "--runs", "300", "--by", "2025-10-15", "--format", "json");

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(stdout);
        Assert.Equal("2025-10-15", json.RootElement.GetProperty("inputs").GetProperty("by").GetString());
        using var document = new HtmlParser().ParseDocument(File.ReadAllText(path));
        Assert.Equal("2025-10-15", document.QuerySelector("#fig-deadline-timeline [data-event='by']")!.GetAttribute("data-date"));
    }

    [Theory]
    [InlineData("--by", "next week", "--by: 'next week' is not a date")]
    [InlineData("--runs", "0", "--runs must be between 1")]
    public void Report_BadFlag_ExitsTwoWithMessage(string flag, string value, string message)
    {
        var (code, _, stderr) = CliRunner.Run("report", TestPaths.Example("ukraine-talks-2025.yaml"), "-o", Path.Combine(flagship.Directory.FullName, "x.html"), flag, value);

        Assert.Equal(2, code);
        Assert.Contains(message, stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_MissingScenario_ExitsTwoWithLocatedError()
    {
        var (code, _, stderr) = CliRunner.Run("report", "no-such-file.yaml", "-o", Path.Combine(flagship.Directory.FullName, "x.html"));

        Assert.Equal(2, code);
        Assert.StartsWith("no-such-file.yaml:1:1: error: no such file", stderr.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public void Report_UnwritableOutput_ExitsTwoNamingThePath()
    {
        var target = Path.Combine(flagship.Directory.FullName, "no-such-dir", "b.html");

        var (code, _, stderr) = CliRunner.Run("report", TestPaths.Example("ukraine-talks-2025.yaml"), "-o", target);

        Assert.Equal(2, code);
        Assert.Contains("cannot write " + target, stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_OutputIsAFolder_ExitsTwoSayingSoBeforeRunningTheLenses()
    {
        var target = flagship.Directory.FullName;

        var (code, _, stderr) = CliRunner.Run("report", TestPaths.Example("ukraine-talks-2025.yaml"), "-o", target);

        Assert.Equal(2, code);
        Assert.Contains($"cannot write {target}: it is a folder", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_HostileText_IsEscapedAndSectionsWithoutInputSaySo()
    {
        var yaml = Path.Combine(flagship.Directory.FullName, "hostile.yaml");
        File.WriteAllText(yaml, """
            parley: 1
            id: tiny
            title: "Tiny <script>alert(1)</script> & co"
            parties:
              - {id: A, name: "Alpha <img src=x onerror=alert(1)>", roles: [party]}
              - {id: B, name: Beta, roles: [party]}
            issues:
              - id: X
                name: Price
                options:
                  - {id: X1, name: low}
                  - {id: X2, name: high}
            """);
        var path = Path.Combine(flagship.Directory.FullName, "hostile.html");

        var (code, _, stderr) = CliRunner.Run("report", yaml, "-o", path);

        Assert.True(code == 0, stderr);
        using var document = new HtmlParser().ParseDocument(File.ReadAllText(path));
        Assert.Empty(document.QuerySelectorAll("script, img"));
        Assert.Equal("Tiny <script>alert(1)</script> & co", document.QuerySelector("h1")!.TextContent);
        Assert.Equal("no-input", document.QuerySelector("#stability")!.GetAttribute("data-status"));
        Assert.Equal("no-input", document.QuerySelector("#agreement")!.GetAttribute("data-status"));
        Assert.Equal("no-input", document.QuerySelector("#outlook")!.GetAttribute("data-status"));
        Assert.Null(document.QuerySelector("#fig-stage-graph"));
    }

    [Fact]
    public void Report_TwoPartiesWithAZone_ListsTheFourSolutionsAndSaysWhatIsMissing()
    {
        var yaml = Path.Combine(flagship.Directory.FullName, "duo.yaml");
        File.WriteAllText(yaml, """
            parley: 1
            id: duo
            title: Duo
            parties:
              - {id: A, name: Alpha, roles: [party]}
              - {id: B, name: Beta, roles: [party]}
            issues:
              - id: X
                name: Price
                options:
                  - {id: X1, name: low}
                  - {id: X2, name: mid}
                  - {id: X3, name: high}
              - id: Y
                name: Delivery
                options:
                  - {id: Y1, name: fast}
                  - {id: Y2, name: slow}
            preferences:
              A:
                weights: {X: 70, Y: 30}
                scores: {X: [0, 50, 100], Y: [0, 100]}
                reservation: 30
              B:
                weights: {X: 60, Y: 40}
                scores: {X: [100, 50, 0], Y: [100, 0]}
                reservation: 30
            """);
        var path = Path.Combine(flagship.Directory.FullName, "duo.html");

        var (code, _, stderr) = CliRunner.Run("report", yaml, "-o", path);

        Assert.True(code == 0, stderr);
        using var document = new HtmlParser().ParseDocument(File.ReadAllText(path));
        var agreement = document.QuerySelector("section#agreement")!;
        Assert.Equal("available", agreement.GetAttribute("data-status"));
        // Acceptable (both ≥ 30): X1|Y1 (A 0, no), X2|Y1 (35, 70), X2|Y2 (65, 30), X3|Y1 (70, 40), X1|Y2 (30, 60), X3|Y2 (100, 0, no).
        Assert.Equal("4", agreement.QuerySelector("[data-zone]")!.GetAttribute("data-zone"));
        var solutions = Rows(agreement, "solutions");
        Assert.Equal(["Nash", "Kalai–Smorodinsky", "egalitarian", "utilitarian"], solutions.Select(r => r[0]));
        // Nash maximises (uA − 30)(uB − 30): X3|Y1 gives 40·10 = 400, X2|Y1 5·40 = 200, the others 0.
        Assert.Equal("X3|Y1", solutions[0][1]);
        Assert.StartsWith("70 (+40)", solutions[0][2], StringComparison.Ordinal);
        Assert.NotNull(agreement.QuerySelector("figure#fig-frontier svg"));
        Assert.Equal(["no-input", "no-input", "no-input"], new[] { "stability", "outlook", "forecast" }.Select(id => document.QuerySelector($"section#{id}")!.GetAttribute("data-status")));
        Assert.Null(document.QuerySelector("#fig-stage-graph"));
    }

    private IElement Section(string id) => flagship.Document.QuerySelector($"section#{id}") ?? throw new Xunit.Sdk.XunitException($"no section {id}");

    /// <summary>The leading percentage of a cell such as "33.7% [30.8%, 36.7%]".</summary>
    private static double Percent(string cell) => double.Parse(cell[..cell.IndexOf('%', StringComparison.Ordinal)], System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void WhatIsConfidential_IsWordedFromTheTalksServicesPolicy()
    {
        var items = flagship.Document.QuerySelectorAll("#confidentiality li").Select(li => li.TextContent).ToList();
        Assert.Equal(Parley.Talks.Access.PolicyMatrix.Summary(Parley.Model.Confidentiality.Default), items);
        Assert.Contains(items, i => i.StartsWith("Stage contents", StringComparison.Ordinal) && !i.Contains("observers", StringComparison.Ordinal));
    }

    private static List<string[]> Rows(IElement scope, string table) =>
        [.. scope.QuerySelectorAll($"table[data-table='{table}'] tbody tr").Select(r => r.QuerySelectorAll("td").Select(c => c.TextContent).ToArray())];

    private static List<string> Column(IElement scope, string table, int column) => [.. Rows(scope, table).Select(r => r[column])];
}
