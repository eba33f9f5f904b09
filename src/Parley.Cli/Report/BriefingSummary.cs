using Spectre.Console;

namespace Parley.Cli.Report;

/// <summary>The short console summary of a briefing, as text or as the JSON object of <c>--format json</c>.</summary>
internal static class BriefingSummary
{
    public static object ToJson(Briefing briefing, string outputPath) => new
    {
        output = outputPath,
        scenario = new
        {
            file = briefing.Context.ScenarioFile,
            id = briefing.Context.Scenario.Id,
            title = briefing.Context.Scenario.Title,
            sha256 = briefing.Context.ScenarioSha256,
        },
        inputs = new
        {
            runs = briefing.Context.Options.Runs,
            seed = briefing.Context.Options.Seed,
            by = briefing.Context.By is { } by ? Words.Date(by) : null,
        },
        illustrative = "Illustrative inputs give illustrative outputs.",
        sections = briefing.Sections.Select(s => new
        {
            id = s.Id,
            title = s.Title,
            status = s.StatusName,
            headlines = s.Headlines,
            figures = s.Figures,
            data = s.Data,
        }),
    };

    public static void Write(IAnsiConsole console, Briefing briefing, string outputPath)
    {
        console.MarkupLine($"[bold]Briefing:[/] {Markup.Escape(briefing.Context.Scenario.Title)}");
        var table = new Table().Border(TableBorder.Simple).AddColumn("section").AddColumn("finding");
        foreach (var section in briefing.Sections)
        {
            table.AddRow(new Text(section.Title), new Text(string.Join(Environment.NewLine, section.Headlines)));
        }

        console.Write(table);
        console.MarkupLine($"[dim]{Markup.Escape(briefing.Context.InputsLine(withSimulation: true))}[/]");
        console.MarkupLine($"Wrote [bold]{Markup.Escape(outputPath)}[/]");
    }
}
