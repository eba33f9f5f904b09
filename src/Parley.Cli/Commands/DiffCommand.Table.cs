using Parley.Report.Diff;
using Spectre.Console;

namespace Parley.Cli.Commands;

internal static partial class DiffCommand
{
    private static void Render(IAnsiConsole console, SituationDiffResult r)
    {
        console.MarkupLine($"[bold]Diff[/] {Markup.Escape(r.Old)} → {Markup.Escape(r.New)}: {r.Changes.Count} scenario change(s), {r.Moved.Count()} finding(s) moved; --runs {r.Runs} --seed {r.Seed}{(r.By is { } by ? $" --by {by:yyyy-MM-dd}" : "")}");
        if (r.Changes.Count == 0)
        {
            console.MarkupLine("The two versions describe the same scenario.");
        }
        else
        {
            var changes = new Table().Title("What changed in the scenario").AddColumns("#", "change", "element", "before", "after", "alone");
            foreach (var c in r.Changes)
            {
                changes.AddRow(c.Index.ToString(System.Globalization.CultureInfo.InvariantCulture), $"{Lower(c.Kind)} {Markup.Escape(c.Path)}", Lower(c.Element),
                    Markup.Escape(Trim(c.Before ?? "—")), Markup.Escape(Trim(c.After ?? "—")), c.NotAlone is null ? "yes" : Markup.Escape(Trim("no: " + c.NotAlone)));
            }

            console.Write(changes);
        }

        var findings = new Table().Title("Findings").AddColumns("finding", "before", "after", "moved most by");
        foreach (var f in r.Findings)
        {
            var detail = new List<string>();
            if (f.Gained.Count > 0)
            {
                detail.Add("gained " + Trim(string.Join("; ", f.Gained)));
            }

            if (f.Lost.Count > 0)
            {
                detail.Add("lost " + Trim(string.Join("; ", f.Lost)));
            }

            var mover = !f.Moved ? "unchanged"
                : f.MovedMostBy is { } a ? $"#{a.Change} {a.Path} (alone: {Trim(a.Alone)})" : "—";
            if (f.Note is not null)
            {
                mover += $" [{f.Note}]";
            }

            findings.AddRow(Markup.Escape(f.Name), Markup.Escape(Trim(f.Before)), Markup.Escape(Trim(f.After) + (detail.Count > 0 ? $" ({string.Join("; ", detail)})" : "")),
                f.Moved ? $"[bold]{Markup.Escape(mover)}[/]" : Markup.Escape(mover));
        }

        console.Write(findings);
        console.MarkupLine(SituationDiffResult.Illustrative);
    }

    /// <summary>Long values (a description, a list of equilibria) are cut in the table; --format json has them whole.</summary>
    private static string Trim(string text) => text.Length <= MaxCell ? text : text[..(MaxCell - 1)] + "…";

    private const int MaxCell = 90;

    private static string Lower<T>(T value) where T : struct, Enum => value.ToString().ToLowerInvariant();
}
