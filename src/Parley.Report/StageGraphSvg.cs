using Parley.Model;

namespace Parley.Report;

/// <summary>
/// Draws the stages as a top-down dependency graph: one row per layer (a stage sits one row below
/// the deepest stage it comes <c>after</c>), arrows for the dependencies, the status as the fill, the
/// mediator's entry and the dated deadlines as labels. A layered drawing is enough for the handful of
/// stages talks have; no general graph layout is needed.
/// </summary>
internal static class StageGraphSvg
{
    private const double Width = 760;
    private const double NodeHeight = 46;
    private const double RowGap = 22;
    private const double ColumnGap = 16;
    private const double BadgeWidth = 170;
    private const double Margin = 8;

    public static string Render(ProcessSpec process)
    {
        var layers = Layers(process);
        var rows = layers.Values.DefaultIfEmpty(0).Max() + 1;
        var height = (rows * (NodeHeight + RowGap)) - RowGap + (2 * Margin);
        var positions = new Dictionary<string, (double X, double Y, double W)>();
        var graphWidth = Width - BadgeWidth - (2 * Margin);
        for (var row = 0; row < rows; row++)
        {
            var inRow = process.Stages.Where(s => layers[s.Id] == row).ToList();
            var w = (graphWidth - ((inRow.Count - 1) * ColumnGap)) / Math.Max(1, inRow.Count);
            for (var i = 0; i < inRow.Count; i++)
            {
                positions[inRow[i].Id] = (Margin + (i * (w + ColumnGap)), Margin + (row * (NodeHeight + RowGap)), w);
            }
        }

        var svg = new HtmlWriter();
        svg.Open("svg", ("xmlns", "http://www.w3.org/2000/svg"), ("viewBox", $"0 0 {HtmlWriter.Num(Width)} {HtmlWriter.Num(height)}"),
            ("role", "img"), ("aria-label", "Stages of the talks and their dependencies"), ("class", "diagram"));
        svg.Open("defs")
            .Open("marker", ("id", "parley-stage-arrow"), ("viewBox", "0 0 10 10"), ("refX", "9"), ("refY", "5"), ("markerWidth", "7"), ("markerHeight", "7"), ("orient", "auto"))
            .Empty("path", ("d", "M0,0 L10,5 L0,10 z"), ("fill", "#555"))
            .Close("marker").Close("defs");

        foreach (var stage in process.Stages)
        {
            var to = positions[stage.Id];
            foreach (var before in stage.After.Where(positions.ContainsKey))
            {
                var from = positions[before];
                svg.Empty("line", ("x1", HtmlWriter.Num(from.X + (from.W / 2))), ("y1", HtmlWriter.Num(from.Y + NodeHeight)),
                    ("x2", HtmlWriter.Num(to.X + (to.W / 2))), ("y2", HtmlWriter.Num(to.Y - 1)),
                    ("stroke", "#555"), ("stroke-width", "1.4"), ("marker-end", "url(#parley-stage-arrow)"), ("data-edge", $"{before}->{stage.Id}"));
            }
        }

        foreach (var stage in process.Stages)
        {
            var (x, y, w) = positions[stage.Id];
            var (fill, stroke) = Colours(stage.Status);
            svg.Open("g", ("data-stage", stage.Id), ("data-status", Words.Lower(stage.Status)));
            svg.Element("title", $"{stage.Id}: {stage.Name} ({Words.Lower(stage.Status)})");
            svg.Empty("rect", ("x", HtmlWriter.Num(x)), ("y", HtmlWriter.Num(y)), ("width", HtmlWriter.Num(w)), ("height", HtmlWriter.Num(NodeHeight)),
                ("rx", "6"), ("fill", fill), ("stroke", stroke), ("stroke-width", "1.5"),
                ("stroke-dasharray", stage.Id == process.MediatorEntersAt ? "5 3" : null));
            var chars = (int)(w / 6.6);
            svg.Element("text", Words.Truncate($"{stage.Id} · {stage.Name}", chars), ("x", HtmlWriter.Num(x + 8)), ("y", HtmlWriter.Num(y + 18)), ("class", "node-title"));
            var detail = $"{Words.Lower(stage.Status)} · {string.Join(", ", stage.Participants)}"
                + (stage.Agenda.Count > 0 ? $" · agenda {string.Join(", ", stage.Agenda)}" : "");
            svg.Element("text", Words.Truncate(detail, chars), ("x", HtmlWriter.Num(x + 8)), ("y", HtmlWriter.Num(y + 36)), ("class", "node-detail"));
            svg.Close("g");

            var labels = process.Deadlines.Where(d => d.Stage == stage.Id).Select(d => $"{d.Id}: {Words.Date(d.Date)}").ToList();
            if (stage.Id == process.MediatorEntersAt && process.Mediator is not null)
            {
                labels.Insert(0, $"◆ {process.Mediator} joins here");
            }

            for (var i = 0; i < labels.Count; i++)
            {
                svg.Element("text", Words.Truncate(labels[i], 28), ("x", HtmlWriter.Num(Margin + graphWidth + 10)), ("y", HtmlWriter.Num(y + 18 + (i * 16))), ("class", "node-badge"));
            }
        }

        return svg.Close("svg").ToString();
    }

    /// <summary>Row of each stage: 0 for stages with no (known) predecessor, else one below its deepest predecessor.</summary>
    internal static Dictionary<string, int> Layers(ProcessSpec process)
    {
        var byId = process.Stages.ToDictionary(s => s.Id);
        var layers = new Dictionary<string, int>();

        int LayerOf(string id, int depth)
        {
            if (layers.TryGetValue(id, out var known))
            {
                return known;
            }

            // The loader rejects cycles; the depth guard keeps a hand-built model from recursing forever.
            var layer = depth > byId.Count ? 0 : byId[id].After.Where(byId.ContainsKey).Select(a => LayerOf(a, depth + 1) + 1).DefaultIfEmpty(0).Max();
            layers[id] = layer;
            return layer;
        }

        foreach (var stage in process.Stages)
        {
            LayerOf(stage.Id, 0);
        }

        return layers;
    }

    private static (string Fill, string Stroke) Colours(StageStatus status) => status switch
    {
        StageStatus.Done => ("#dcefdc", "#2e7d32"),
        StageStatus.Open => ("#fff4cc", "#b58900"),
        StageStatus.Failed => ("#f8d7da", "#b00020"),
        _ => ("#f4f4f4", "#888"),
    };
}
