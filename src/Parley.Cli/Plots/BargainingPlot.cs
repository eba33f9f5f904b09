using Parley.Bargaining;
using Parley.Model;
using ScottPlot;

namespace Parley.Cli.Plots;

/// <summary>
/// Frontier plots with ScottPlot: for two parties, one chart of the whole-space frontier, the zone frontier, the four
/// solutions and the reservation lines; for three or more, a grid of pairwise projections (the same layers, one
/// panel per pair of parties). PNG or SVG by the file extension.
/// </summary>
internal static class BargainingPlot
{
    private const int PanelWidth = 640;
    private const int PanelHeight = 520;

    public static void Save(BargainingResult result, string path)
    {
        var extension = Path.GetExtension(path).ToLowerInvariant();
        if (extension is not ".png" and not ".svg")
        {
            throw new Infrastructure.UsageException($"--plot {path}: the file must end in .png or .svg");
        }

        var pairs = Pairs(result.Table.Parties.Count);
        var plots = pairs.Select(p => Panel(result, p.X, p.Y, pairs.Count == 1)).ToList();
        var columns = Math.Min(3, plots.Count);
        var rows = (plots.Count + columns - 1) / columns;
        var width = PanelWidth * columns;
        var height = PanelHeight * rows;

        // A new Multiplot starts with one empty plot: replace it with the first panel.
        var multiplot = new Multiplot();
        multiplot.Reset(plots[0]);
        foreach (var plot in plots.Skip(1))
        {
            multiplot.AddPlot(plot);
        }

        multiplot.Layout = new ScottPlot.MultiplotLayouts.Grid(rows, columns);
        PlotFile.Save(multiplot, path, width, height);
    }

    /// <summary>The panels of a pairwise grid: every pair of party indices in order (0,1), (0,2), …, (1,2), …; shared with the briefing.</summary>
    public static List<(int X, int Y)> Pairs(int parties) => Parley.Report.FrontierPlot.Pairs(parties);

    private static Plot Panel(BargainingResult result, int x, int y, bool legend)
    {
        var table = result.Table;
        var plot = new Plot();
        var px = table.Parties[x];
        var py = table.Parties[y];
        plot.XLabel($"{px.Id} utility");
        plot.YLabel($"{py.Id} utility");
        plot.Title(result.Table.Parties.Count == 2 ? "Pareto frontier and bargaining solutions" : $"{px.Id} × {py.Id} (projection)");

        var space = result.SpaceFrontier.OrderBy(o => o.Utilities[x]).ToList();
        var all = plot.Add.ScatterPoints(space.Select(o => o.Utilities[x]).ToArray(), space.Select(o => o.Utilities[y]).ToArray());
        all.Color = Colors.Gray;
        all.MarkerSize = 4;
        all.LegendText = "frontier, whole space";

        if (result.Pareto.Count > 0)
        {
            var zone = result.Pareto.OrderBy(o => o.Utilities[x]).ToList();
            var z = plot.Add.Scatter(zone.Select(o => o.Utilities[x]).ToArray(), zone.Select(o => o.Utilities[y]).ToArray());
            z.Color = Colors.SteelBlue;
            z.MarkerSize = 6;
            z.LineWidth = result.Table.Parties.Count == 2 ? 1 : 0;
            z.LegendText = "frontier, agreement zone";
        }

        var rx = plot.Add.VerticalLine(px.Reservation);
        rx.LinePattern = LinePattern.Dashed;
        rx.Color = Colors.DarkRed;
        rx.LegendText = "reservation values";
        var ry = plot.Add.HorizontalLine(py.Reservation);
        ry.LinePattern = LinePattern.Dashed;
        ry.Color = Colors.DarkRed;

        // Largest first, so that solutions falling on the same package stay visible as nested markers.
        (Solution? Solution, MarkerShape Shape, Color Color, float Size)[] solutions =
        [
            (result.Utilitarian, MarkerShape.FilledCircle, Colors.Black, 18),
            (result.Egalitarian, MarkerShape.FilledSquare, Colors.Purple, 14),
            (result.KalaiSmorodinsky, MarkerShape.FilledTriangleUp, Colors.Green, 11),
            (result.Nash, MarkerShape.FilledDiamond, Colors.Orange, 9),
        ];
        foreach (var (solution, shape, color, size) in solutions)
        {
            if (solution is null)
            {
                continue;
            }

            var m = plot.Add.Marker(solution.Outcome.Utilities[x], solution.Outcome.Utilities[y], shape, size, color);
            m.LegendText = $"{Name(solution.Kind)}: {solution.Label}";
        }

        if (result.Pareto.Count == 0)
        {
            plot.Add.Annotation("agreement zone empty");

            // What the diagnosis would buy: the Nash package of each minimal relaxation.
            var shapes = new[] { MarkerShape.OpenDiamond, MarkerShape.OpenTriangleUp, MarkerShape.OpenSquare, MarkerShape.OpenCircle };
            foreach (var (relaxation, i) in (result.Diagnosis?.Relaxations ?? ValueList<Relaxation>.Empty).Where(r => r.Nash is not null).Take(8).Select((r, i) => (r, i)))
            {
                var nash = relaxation.Nash!.Outcome;
                var m = plot.Add.Marker(nash.Utilities[x], nash.Utilities[y], shapes[i % shapes.Length], 12, Colors.OrangeRed);
                m.LegendText = $"Nash without {string.Join(" + ", relaxation.Drop)}: {relaxation.Nash.Label}";
            }
        }

        // One legend per figure: in the two-party chart the lower left is empty (frontiers run top-left to bottom-right);
        // in a grid the first panel's upper right usually is.
        if (legend)
        {
            plot.ShowLegend(Alignment.LowerLeft);
        }
        else if (x == 0 && y == 1)
        {
            plot.ShowLegend(Alignment.UpperRight);
        }
        else
        {
            plot.HideLegend();
        }

        return plot;
    }

    public static string Name(SolutionKind kind) => kind switch
    {
        SolutionKind.Nash => "Nash",
        SolutionKind.KalaiSmorodinsky => "Kalai–Smorodinsky",
        SolutionKind.Egalitarian => "egalitarian",
        _ => "utilitarian",
    };
}
