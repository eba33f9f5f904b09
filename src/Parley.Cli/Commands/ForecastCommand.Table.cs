using System.Globalization;
using Parley.Forecast;
using Spectre.Console;

namespace Parley.Cli.Commands;

/// <summary>The table form of a forecast.</summary>
internal static partial class ForecastCommand
{
    private static void Render(IAnsiConsole console, ForecastResult r, RobustnessReport? report, int digits)
    {
        string F(double x) => x.ToString("F" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        var input = r.Input;
        if (!console.Profile.Out.IsTerminal)
        {
            // Files and pipes have no width; Spectre would assume 80 columns and wrap every cell.
            console.Profile.Width = Math.Max(console.Profile.Width, 160);
        }

        console.Write(new Rule($"[bold]Forecast[/]: {Markup.Escape(input.Name)} — {input.Actors.Count} actors, {input.Dimensions.Count} dimension(s)").LeftJustified());
        if (input.Illustrative)
        {
            console.MarkupLine("[bold yellow]ILLUSTRATIVE inputs[/]: the numbers are assumptions, so is the forecast.");
        }

        console.MarkupLine($"SMP ({Markup.Escape(string.Join(", ", r.Options.Describe()))})");
        console.MarkupLine($"{r.Turns} states, {r.Steps} steps; stopped: {Markup.Escape(r.StopReason)}.");

        var table = new Table().AddColumn("actor").AddColumn(new TableColumn("capability").RightAligned());
        foreach (var dim in input.Dimensions)
        {
            table.AddColumn(new TableColumn($"{Markup.Escape(dim)}\nstart → final").RightAligned());
        }

        for (var i = 0; i < input.Actors.Count; i++)
        {
            var a = input.Actors[i];
            var cells = new List<string> { Markup.Escape(a.Name), F(a.Capability) };
            cells.AddRange(Enumerable.Range(0, input.Dimensions.Count).Select(d => $"{F(r.Positions[0][i][d])} → {F(r.Final[i][d])}"));
            table.AddRow(cells.ToArray());
        }

        var outcome = ForecastOutcome.Of(r);
        table.AddRow(["[bold]SMP outcome[/]", "", .. outcome.Outcome.Select(F)]);
        table.AddRow(["compromise mean", "", .. CompromiseModel.Mean(input).Select(F)]);
        table.AddRow(["compromise median", "", .. CompromiseModel.Median(input).Select(F)]);
        console.Write(table);
        console.MarkupLine($"SMP outcome = capability × salience weighted mean of the final positions; actors end within {F(outcome.Spread)} points of it ({(outcome.Converged ? "converged" : "[bold]not converged[/]")}).");
        console.MarkupLine("Compromise = capability × salience weighted mean / median of the starting positions (baseline model).");
        if (report is not null)
        {
            RenderRobustness(console, input, report, F);
        }
    }

    private static void RenderRobustness(IAnsiConsole console, ForecastInput input, RobustnessReport report, Func<double, string> f)
    {
        var table = new Table().Title("Robustness: leave one actor out, and seeded stochastic transitions")
            .AddColumns("run", "steps", "converged");
        foreach (var dim in input.Dimensions)
        {
            table.AddColumn(new TableColumn(Markup.Escape(dim)).RightAligned());
        }

        table.AddColumn(new TableColumn("max shift").RightAligned()).AddColumn("change");
        void Row(string label, ForecastOutcome o, double? shift, bool qualitative) =>
            table.AddRow([Markup.Escape(label), (o.Turns - 1).ToString(CultureInfo.InvariantCulture), o.Converged ? "yes" : "no",
                .. o.Outcome.Select(f), shift is { } s ? f(s) : "", qualitative ? "[bold red]QUALITATIVE[/]" : ""]);
        Row("baseline (all actors)", report.BaselineOutcome, null, false);
        foreach (var v in report.LeaveOneOut)
        {
            Row(v.Label, v.Outcome, v.Shift, v.Qualitative);
        }

        var seedSpread = report.Spread(report.Seeds);
        if (report.Seeds.Count > 0)
        {
            var converged = report.Seeds.Count(v => v.Outcome.Converged);
            table.AddRow([$"{report.Seeds.Count} seeds (stochastic)", $"{report.Seeds.Min(v => v.Outcome.Turns - 1)}–{report.Seeds.Max(v => v.Outcome.Turns - 1)}",
                $"{converged}/{report.Seeds.Count}", .. seedSpread.Select(s => $"{f(s.Min)}–{f(s.Max)}"),
                f(report.Seeds.Max(v => v.Shift)), report.Seeds.Count(v => v.Qualitative) is var q && q > 0 ? $"[bold red]{q} QUALITATIVE[/]" : ""]);
        }

        console.Write(table);
        var loo = report.Spread(report.LeaveOneOut);
        console.MarkupLine("Spread of the outcome across leave-one-out runs: " + Markup.Escape(string.Join("; ", input.Dimensions.Select((d, k) => $"{d} {f(loo[k].Min)}–{f(loo[k].Max)}"))));
        console.MarkupLine("Shifts compare each run with the baseline over the same actors; a change is qualitative when convergence flips or the outcome moves at least " +
            $"{f(report.ShiftThreshold)} points on a dimension.");
        foreach (var v in report.LeaveOneOut.Where(v => v.Qualitative))
        {
            var why = v.Outcome.Converged != v.Reference.Converged
                ? $"the remaining actors {(v.Outcome.Converged ? "converge" : "no longer converge")} (spread {f(v.Outcome.Spread)} vs {f(v.Reference.Spread)} points)"
                : "the outcome moves";
            var lowest = input.Actors.Min(a => a.Capability) == input.Actors.First(a => a.Name == v.Dropped).Capability ? ", the actor with the least capability," : "";
            var dims = string.Join(", ", input.Dimensions.Select((d, k) => $"{d} {f(v.Reference.Outcome[k])} → {f(v.Outcome.Outcome[k])}"));
            console.MarkupLine($"[bold red]Dropping {Markup.Escape(v.Dropped!)}{lowest} changes the outcome qualitatively[/]: {Markup.Escape(why)}; {Markup.Escape(dims)}; {v.Reference.Turns - 1} → {v.Outcome.Turns - 1} steps.");
        }
    }
}
