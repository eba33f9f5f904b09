namespace Parley.Report;

/// <summary>
/// A small directed state graph drawn left to right: one column per number of moves from the start,
/// an arrow per move labelled with the player who makes it. Meant for the handful of states reachable
/// from a status quo, not for whole conflicts.
/// </summary>
internal static class StateGraphSvg
{
    private const double ColumnWidth = 170;
    private const double NodeWidth = 128;
    private const double NodeHeight = 40;
    private const double RowGap = 26;
    private const double Margin = 10;

    /// <summary>A state: its id, code, column (moves from the start) and role.</summary>
    internal sealed record Node(int Id, string Code, int Depth, bool Start, bool Final, bool Equilibrium);

    /// <summary>A move from one state to another by a player.</summary>
    internal sealed record Edge(int From, int To, string Player);

    public static string Render(IReadOnlyList<Node> nodes, IReadOnlyList<Edge> edges)
    {
        var columns = nodes.GroupBy(n => n.Depth).OrderBy(g => g.Key).ToList();
        var rows = columns.Max(c => c.Count());
        var width = (2 * Margin) + ((columns.Count - 1) * ColumnWidth) + NodeWidth;
        var height = (2 * Margin) + (rows * (NodeHeight + RowGap)) - RowGap + 14;
        var at = new Dictionary<int, (double X, double Y)>();
        foreach (var column in columns)
        {
            var list = column.OrderBy(n => n.Id).ToList();
            var offset = (rows - list.Count) * (NodeHeight + RowGap) / 2;
            for (var i = 0; i < list.Count; i++)
            {
                at[list[i].Id] = (Margin + (column.Key * ColumnWidth), Margin + 14 + offset + (i * (NodeHeight + RowGap)));
            }
        }

        var svg = new HtmlWriter();
        svg.Open("svg", ("xmlns", "http://www.w3.org/2000/svg"), ("viewBox", $"0 0 {HtmlWriter.Num(width)} {HtmlWriter.Num(height)}"),
            ("role", "img"), ("aria-label", "States reachable from the status quo by unilateral improvements"), ("class", "diagram state-graph"),
            ("style", $"max-width: {HtmlWriter.Num(width * 1.25)}px"));
        svg.Open("defs")
            .Open("marker", ("id", "parley-move-arrow"), ("viewBox", "0 0 10 10"), ("refX", "9"), ("refY", "5"), ("markerWidth", "7"), ("markerHeight", "7"), ("orient", "auto"))
            .Empty("path", ("d", "M0,0 L10,5 L0,10 z"), ("fill", "#444"))
            .Close("marker").Close("defs");
        foreach (var edge in edges.Where(e => at.ContainsKey(e.From) && at.ContainsKey(e.To)))
        {
            var (x1, y1) = Anchor(at[edge.From], at[edge.To]);
            var (x2, y2) = Anchor(at[edge.To], at[edge.From]);
            svg.Open("g", ("data-move", $"{edge.From}->{edge.To}"), ("data-player", edge.Player));
            svg.Empty("line", ("x1", HtmlWriter.Num(x1)), ("y1", HtmlWriter.Num(y1)), ("x2", HtmlWriter.Num(x2)), ("y2", HtmlWriter.Num(y2)),
                ("stroke", "#444"), ("stroke-width", "1.3"), ("marker-end", "url(#parley-move-arrow)"));
            // The label sits a third of the way along, beside the line, so labels of edges into one box do not pile up.
            var vertical = Math.Abs(x1 - x2) < 1;
            var (lx, ly) = (x1 + ((x2 - x1) * 0.35), y1 + ((y2 - y1) * 0.35));
            svg.Element("text", edge.Player, ("x", HtmlWriter.Num(vertical ? lx + 6 : lx)), ("y", HtmlWriter.Num(vertical ? ly + 4 : ly - 5)),
                ("text-anchor", vertical ? "start" : "middle"), ("class", "edge-label"));
            svg.Close("g");
        }

        foreach (var node in nodes)
        {
            var (x, y) = at[node.Id];
            var fill = node.Start ? "#e3edf9" : node.Final ? "#dcefdc" : "#f4f4f4";
            var stroke = node.Equilibrium ? "#1b1b1b" : "#888";
            svg.Open("g", ("data-state", node.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                ("data-role", node.Start ? "status-quo" : node.Final ? "final" : "passing"), ("data-equilibrium", node.Equilibrium ? "true" : null));
            svg.Element("title", $"state {node.Id} {node.Code}{(node.Start ? " (status quo)" : "")}{(node.Final ? " (no one improves from here)" : "")}{(node.Equilibrium ? " (Nash equilibrium)" : "")}");
            svg.Empty("rect", ("x", HtmlWriter.Num(x)), ("y", HtmlWriter.Num(y)), ("width", HtmlWriter.Num(NodeWidth)), ("height", HtmlWriter.Num(NodeHeight)), ("rx", "6"),
                ("fill", fill), ("stroke", stroke), ("stroke-width", node.Equilibrium ? "2.4" : "1.3"));
            svg.Element("text", $"state {node.Id}", ("x", HtmlWriter.Num(x + (NodeWidth / 2))), ("y", HtmlWriter.Num(y + 16)), ("text-anchor", "middle"), ("class", "node-title"));
            svg.Element("text", node.Code, ("x", HtmlWriter.Num(x + (NodeWidth / 2))), ("y", HtmlWriter.Num(y + 32)), ("text-anchor", "middle"), ("class", "node-code"));
            svg.Close("g");
        }

        return svg.Close("svg").ToString();
    }

    /// <summary>Where a line between two boxes leaves <paramref name="box"/>: its right or left side, or top or bottom within a column.</summary>
    private static (double X, double Y) Anchor((double X, double Y) box, (double X, double Y) other)
    {
        if (Math.Abs(box.X - other.X) < 1)
        {
            return (box.X + (NodeWidth / 2), other.Y > box.Y ? box.Y + NodeHeight : box.Y);
        }

        return (other.X > box.X ? box.X + NodeWidth : box.X, box.Y + (NodeHeight / 2));
    }
}
