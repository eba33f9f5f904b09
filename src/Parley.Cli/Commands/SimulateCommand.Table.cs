using System.Globalization;
using Parley.Negotiation.Simulation;
using Spectre.Console;

namespace Parley.Cli.Commands;

/// <summary>The table form of a staged forecast.</summary>
internal static partial class SimulateCommand
{
    private static void Render(IAnsiConsole console, ForecastReport r, IReadOnlyList<SensitivityRow>? rows, ulong seed)
    {
        console.MarkupLine($"[bold]Forecast[/] {Markup.Escape(r.Scenario)}: {r.Runs:N0} runs, seed {seed}, day 0 = {Day(r.Start)}, by {Day(r.By)}");
        if (r.Illustrative)
        {
            console.MarkupLine("[yellow]ILLUSTRATIVE: the simulation's numbers are assumptions for testing, not estimates.[/]");
        }

        var stages = new Table().Title($"Stages by {Day(r.By)} (Wilson 95% intervals)")
            .AddColumns("stage", "P(opened)", "P(succeeded)", "talks ended here (horizon)");
        foreach (var s in r.Stages)
        {
            stages.AddRow(Markup.Escape(Trim($"{s.Id} {s.Name}", 28)), $"{Pct(s.Opened.P)} {Ci(s.Opened)}", $"{Pct(s.Succeeded.P)} {Ci(s.Succeeded)}", Pct(s.FinallyFailed));
        }

        console.Write(stages);
        console.MarkupLine($"[bold]P(agreement by {Day(r.By)})[/] (stage {Markup.Escape(r.AgreementStage)} succeeded) = [bold]{Pct(r.Agreement.P)}[/] {Ci(r.Agreement)}%; within the {Math.Round((r.Curve[^1].Date.DayNumber - r.Start.DayNumber) / 7.0):0}-week horizon: {Pct(r.AgreementWithinHorizon.P)} {Ci(r.AgreementWithinHorizon)}%");
        if (r.TimeToAgreement is { } t)
        {
            console.MarkupLine($"Time to agreement (runs that agreed): median day {t.Median} ({Day(t.MedianDate)}), 10–90%: days {t.P10}–{t.P90}, mean {t.MeanDays:0.0} days");
        }

        if (r.Packages.Count > 0)
        {
            var packages = new Table().Title("Agreed packages (most frequent)").AddColumns("package", "runs", "share of agreements");
            foreach (var p in r.Packages)
            {
                packages.AddRow(Markup.Escape(p.Package), p.Count.ToString("N0", CultureInfo.InvariantCulture), Pct(p.Share));
            }

            console.Write(packages);
            var options = new Table().Title("Agreed options per issue (share of agreements)").AddColumns("issue", "options");
            foreach (var issue in r.Options)
            {
                options.AddRow(Markup.Escape(issue.Issue), Markup.Escape(string.Join(" · ", issue.Shares.Where(x => x.Value > 0).Select(x => $"{x.Key} {Pct(x.Value)}"))));
            }

            console.Write(options);
        }

        if (rows is not null)
        {
            var focus = r.FocusStage is null ? null : $"P({r.FocusStage} opened)";
            var table = new Table().Title("Sensitivity: one prior at a time (same seeds)").AddColumns("prior", "low", "high", "P(agreement) low → high");
            if (focus is not null)
            {
                table.AddColumn(Markup.Escape(focus) + " low → high");
            }

            table.AddColumn("swing");
            foreach (var row in rows)
            {
                var cells = new List<string> { Markup.Escape(row.Factor), Markup.Escape(row.Low), Markup.Escape(row.High), $"{Pct(row.AgreementLow)} → {Pct(row.AgreementHigh)}" };
                if (focus is not null)
                {
                    cells.Add($"{Pct(row.FocusLow ?? 0)} → {Pct(row.FocusHigh ?? 0)}");
                }

                cells.Add(Pct(row.Swing));
                table.AddRow([.. cells]);
            }

            console.Write(table);
        }
    }

    internal static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    internal static string Pct(double p) => (p * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    private static string Ci(Proportion p) => $"[[{Num2(p.Low)}–{Num2(p.High)}]]";

    private static string Num2(double p) => (p * 100).ToString("0.00", CultureInfo.InvariantCulture);

    private static string Trim(string text, int max) => text.Length > max ? text[..(max - 1)] + "…" : text;
}
