using System.Globalization;
using Parley.Bargaining;
using Parley.Cli.Infrastructure;
using Parley.Cli.Plots;
using Spectre.Console;

namespace Parley.Cli.Commands;

/// <summary>The table and CSV forms of a bargaining result (its JSON is <see cref="BargainingJson"/>).</summary>
internal static partial class BargainCommand
{
    private const int TableFrontierRows = 15;
    private static readonly string[] CsvLead = ["set", "package"];

    internal static string FrontierCsv(BargainingResult result)
    {
        var table = result.Table;
        var header = CsvLead.Concat(table.Space.Issues.Select(i => i.Id)).Concat(table.Parties.Select(p => p.Id));
        var rows = new[] { ("zone", result.Pareto), ("space", result.SpaceFrontier) }.SelectMany(x => x.Item2.Select(o => (IEnumerable<string>)
            [x.Item1, table.Space.Describe(o.Package.AsSpan()), .. Enumerable.Range(0, table.Space.Issues.Count).Select(k => table.Space.Issues[k].OptionIds[o.Package[k]]),
             .. o.Utilities.Select(u => CsvText.Number(u))]));
        return CsvText.Write(header, rows);
    }

    private static void Render(IAnsiConsole console, BargainingResult r, string source)
    {
        var table = r.Table;
        console.Write(new Rule($"[bold]Bargaining[/]: {Markup.Escape(source)} ({Markup.Escape(string.Join(", ", table.Parties.Select(p => p.Id)))})").LeftJustified());
        var summary = new Table().AddColumns("", "count");
        summary.AddRow("packages", $"{r.Outcomes:N0}");
        summary.AddRow("breaking no red line", $"{r.Admissible:N0}");
        summary.AddRow("agreement zone", r.AgreementZone is { } z ? $"{z:N0}" : "not counted (space above the enumeration limit)");
        summary.AddRow("frontier, agreement zone", $"{r.Pareto.Count:N0}");
        summary.AddRow("frontier, whole space", $"{r.SpaceFrontier.Count:N0}");
        console.Write(summary);

        var parties = new Table().AddColumns("party", "reservation", "ideal in zone", "red lines");
        for (var i = 0; i < table.Parties.Count; i++)
        {
            var p = table.Parties[i];
            parties.AddRow(Markup.Escape(p.Id), F(p.Reservation), r.Ideals.Count > 0 ? F(r.Ideals[i]) : "—",
                Markup.Escape(string.Join("; ", p.RedLines.Select(l => $"{l.Id}: {l.Rule}"))));
        }

        console.Write(parties);
        if (r.HasAgreement)
        {
            var solutions = new Table().Title("Solutions (utility, gain over reservation)").AddColumn("solution").AddColumn("package");
            foreach (var p in table.Parties)
            {
                solutions.AddColumn(Markup.Escape(p.Id), c => c.RightAligned());
            }

            foreach (var s in r.Solutions)
            {
                solutions.AddRow([BargainingPlot.Name(s.Kind), Markup.Escape(s.Label), .. s.Parties.Select(p => $"{F(p.Utility)} (+{F(p.Gain)})")]);
            }

            console.Write(solutions);
            var frontier = new Table().Title($"Pareto frontier of the agreement zone ({r.Pareto.Count} points{(r.Pareto.Count > TableFrontierRows ? $"; first {TableFrontierRows}, all with --frontier-csv" : "")})").AddColumn("package");
            foreach (var p in table.Parties)
            {
                frontier.AddColumn(Markup.Escape(p.Id), c => c.RightAligned());
            }

            foreach (var o in r.Pareto.Take(TableFrontierRows))
            {
                frontier.AddRow([Markup.Escape(table.Space.Describe(o.Package.AsSpan())), .. o.Utilities.Select(F)]);
            }

            console.Write(frontier);
        }

        if (r.Diagnosis is { } d)
        {
            console.MarkupLine("[bold red]No package is acceptable to every party.[/]");
            var conflicts = new Table().Title($"What empties the zone: minimal conflicting constraints (sets up to {d.MaxSetSize + 1})").AddColumn("constraints that cannot all hold");
            foreach (var c in d.Conflicts)
            {
                conflicts.AddRow(Markup.Escape(string.Join(" + ", c)));
            }

            console.Write(conflicts);
            if (d.RedLinesAloneIncompatible)
            {
                console.MarkupLine("The red lines alone exclude every package: no cut of reservation values can reopen the zone.");
            }

            var relax = new Table().Title($"Minimal red-line relaxations (sets up to {d.MaxSetSize})").AddColumns("drop", "zone size", "Nash package");
            foreach (var x in d.Relaxations)
            {
                relax.AddRow(Markup.Escape(string.Join(", ", x.Drop)), x.AgreementZone is { } n ? $"{n:N0}" : "?", Markup.Escape(x.Nash?.Label ?? "—"));
            }

            if (d.Relaxations.Count == 0)
            {
                relax.AddRow("(none within the search limit)", "", "");
            }

            console.Write(relax);
            if (d.ReservationCuts.Count > 0)
            {
                var cuts = new Table().Title("Smallest reservation cuts (all red lines kept)").AddColumns("cut", "zone size", "Nash package");
                foreach (var c in d.ReservationCuts)
                {
                    var what = c.Uniform ? $"every party by {F(c.Cuts[0])}" : string.Join(", ", c.Parties.Zip(c.Cuts).Select(z => $"{z.First} by {F(z.Second)}"));
                    cuts.AddRow(Markup.Escape(what), c.AgreementZone is { } n ? $"{n:N0}" : "?", Markup.Escape(c.Nash?.Label ?? "—"));
                }

                console.Write(cuts);
            }
        }
    }

    private static string F(double v) => v.ToString("0.###", CultureInfo.InvariantCulture);
}
