using Parley.Report;
using Spectre.Console;

namespace Parley.Cli.Commands;

/// <summary>The short console summary of a briefing: one row per section with its headlines.</summary>
internal static partial class ReportCommand
{
    private static void WriteSummary(IAnsiConsole console, Briefing briefing, string outputPath)
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
