using Parley.Conflict;
using Spectre.Console;

namespace Parley.Cli.Commands;

/// <summary>The table form of a stability analysis.</summary>
internal static partial class StabilityCommand
{
    private const int TableStateLimit = 64;

    private static string Id(int state) => ConflictModel.OrderedId(state).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static void Render(IAnsiConsole console, string path, StabilityResult r, StatusQuoResult? sq, List<StabilityExplanation>? explanations, InverseResult? inv, CoalitionStabilityResult? cs, double seconds)
    {
        var m = r.Model;
        console.Write(new Rule($"[bold]Stability[/] {Markup.Escape(Path.GetFileName(path))}: {m.StateCount:N0} feasible states, {r.Players.Length} players ({Markup.Escape(string.Join(", ", r.Players.Select(p => p.Name)))}), sanctions {(r.Mode == SanctionMode.Full ? "full" : "once-each")}").LeftJustified());
        console.WriteLine("Options (code order): " + string.Join(" ", m.Options.Select((o, k) => $"{k + 1}={o.Id}")));
        var equilibria = r.Concepts.Select((_, i) => r.Equilibria(i).ToHashSet()).ToList();
        var shown = m.StateCount <= TableStateLimit
            ? Enumerable.Range(0, m.StateCount).ToList()
            : [.. equilibria.SelectMany(e => e).Distinct().Order().Take(TableStateLimit)];
        var table = new Table().Title(m.StateCount <= TableStateLimit ? "States (E = equilibrium, letters = players for whom the state is stable)" : $"Equilibria (first {TableStateLimit})");
        table.AddColumn("id").AddColumn("code");
        foreach (var c in r.Concepts)
        {
            table.AddColumn(new TableColumn(Markup.Escape(c.Title)).Centered());
        }

        foreach (var s in shown)
        {
            var cells = new List<string> { Id(s), m.Code(s) };
            for (var i = 0; i < r.Concepts.Count; i++)
            {
                cells.Add(equilibria[i].Contains(s) ? "[green]E[/]" : Markup.Escape(string.Join(" ", r.Players.Select((p, pi) => r.Stable[i][pi][s] ? Initial(p) : "·"))));
            }

            table.AddRow(cells.ToArray());
        }

        console.Write(table);
        var summary = new Table().Title("Equilibria per concept").AddColumns("concept", "count", "states");
        for (var i = 0; i < r.Concepts.Count; i++)
        {
            var ids = r.Equilibria(i);
            summary.AddRow(Markup.Escape(r.Concepts[i].Title), ids.Length.ToString("N0", System.Globalization.CultureInfo.InvariantCulture),
                Markup.Escape(string.Join(", ", ids.Take(20).Select(s => $"{Id(s)} {m.Code(s)}")) + (ids.Length > 20 ? ", …" : "")));
        }

        console.Write(summary);
        if (sq is not null)
        {
            console.MarkupLine($"[bold]From state {Id(sq.Start)}[/] ({m.Code(sq.Start)}): {sq.Reachable.Count:N0} states reachable by improvements; final (no one improves): {Markup.Escape(string.Join(", ", sq.Final.Select(Id)))}");
            foreach (var s in sq.Final.Take(20))
            {
                console.MarkupLine("  " + Markup.Escape(PathText(m, r.Players, sq, s)));
            }

            for (var i = 0; i < r.Concepts.Count; i++)
            {
                var reach = r.Equilibria(i).Where(sq.Paths.ContainsKey).ToList();
                console.MarkupLine($"  reachable {Markup.Escape(r.Concepts[i].Title)} equilibria: {Markup.Escape(reach.Count == 0 ? "none" : string.Join(", ", reach.Take(20).Select(Id)))}");
            }
        }

        foreach (var e in explanations ?? [])
        {
            console.MarkupLine(Markup.Escape(Explanation.Describe(m, r.Players, e)));
        }

        if (inv is not null)
        {
            console.MarkupLine($"[bold]Inverse GMCR[/] for state {Id(inv.State)} ({m.Code(inv.State)}), rule {RuleKey(inv.Rule)}: {inv.Profiles:N0} ranking profiles; " +
                Markup.Escape(string.Join(", ", inv.Counts.Select(kv => $"{kv.Key.Title} {kv.Value:N0}"))));
            foreach (var x in inv.Examples)
            {
                console.MarkupLine("  " + Markup.Escape(string.Join("; ", x.Rankings.Select(kv => $"{m.DecisionMakers[kv.Key].Id}: {string.Join(" > ", kv.Value.Select(t => string.Join("~", t.Select(Id))))}")) + $" → {string.Join(", ", x.Concepts.Select(c => c.Title))}"));
            }
        }

        if (cs is not null)
        {
            for (var i = 0; i < cs.Concepts.Count; i++)
            {
                console.MarkupLine($"Coalition {Markup.Escape(cs.Concepts[i].Title)} equilibria (all {cs.Coalitions.Count} coalitions): {Markup.Escape(string.Join(", ", cs.Equilibria[i].Select(Id)))}");
            }
        }

        console.MarkupLine($"[grey]{seconds:0.###} s[/]");
    }

    private static string Initial(Player p) => p.Name.Length <= 3 ? p.Name : p.Name[..3];

    private static string PathText(ConflictModel m, Player[] players, StatusQuoResult sq, int target) =>
        $"{Id(sq.Start)}" + string.Concat(sq.Paths[target].Select(st => $" →({players[st.Player].Name}) {Id(st.To)}")) + $"  [{m.Code(target)}]";
}
