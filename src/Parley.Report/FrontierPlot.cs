using ScottPlot;

namespace Parley.Report;

/// <summary>
/// The agreement-space plot for two parties (a projection when more parties take part): every
/// package as a faint dot, the acceptable ones (the zone) in colour, the Pareto frontier as a line,
/// each party's reservation value as a dashed line, and the fair solutions labelled.
/// </summary>
internal static class FrontierPlot
{
    /// <summary>Beyond this many distinct points the faint package cloud is thinned (every k-th point) to keep the page small.</summary>
    public const int MaxCloudPoints = 2500;

    /// <summary>What to draw; utilities on the scenario's scale.</summary>
    internal sealed record Data(
        string XParty,
        string YParty,
        IReadOnlyList<Coordinates> Packages,
        IReadOnlyList<Coordinates> Zone,
        IReadOnlyList<Coordinates> Frontier,
        IReadOnlyList<(string Label, Coordinates Point)> Solutions,
        double XReservation,
        double YReservation);

    /// <summary>The panels of a pairwise grid: every pair of party indices in order (0,1), (0,2), …, (1,2), …; shared with <c>parley bargain --plot</c>.</summary>
    public static List<(int X, int Y)> Pairs(int parties) =>
        [.. Enumerable.Range(0, parties).SelectMany(i => Enumerable.Range(i + 1, parties - i - 1).Select(j => (i, j)))];

    /// <summary>One chart, 720×480, legend included.</summary>
    public static string Render(string figureId, Data data) => Render(figureId, data, 720, 480, legend: true, MaxCloudPoints);

    /// <summary>
    /// One chart of the given size; in a grid of pairwise projections only the first panel carries the legend
    /// (the layers and solution numbers are the same in every panel), and each panel's cloud is capped lower to keep
    /// the page small.
    /// </summary>
    public static string Render(string figureId, Data data, int width, int height, bool legend, int maxCloudPoints)
    {
        var plot = new Plot();
        plot.Font.Set(PlotSvg.FontFamily);
        var cloud = Thin(Distinct(data.Packages), maxCloudPoints);
        if (cloud.Count > 0)
        {
            var dots = plot.Add.ScatterPoints(cloud);
            dots.Color = Colors.Gray.WithAlpha(0.35);
            dots.MarkerSize = 3;
            dots.LegendText = "packages";
        }

        var zone = Distinct(data.Zone);
        if (zone.Count > 0)
        {
            var dots = plot.Add.ScatterPoints(zone);
            dots.Color = Color.FromHex("#1f5fa8");
            dots.MarkerSize = 5;
            dots.LegendText = "acceptable to all (zone)";
        }

        if (data.Frontier.Count > 0)
        {
            var line = plot.Add.ScatterLine(data.Frontier.OrderBy(p => p.X).ThenByDescending(p => p.Y).ToArray());
            line.Color = Colors.Black;
            line.LineWidth = 1.5f;
            line.MarkerSize = 4;
            line.LegendText = "Pareto frontier";
        }

        AddReservation(plot.Add.VerticalLine(data.XReservation), $"{data.XParty} reservation");
        AddReservation(plot.Add.HorizontalLine(data.YReservation), $"{data.YParty} reservation");

        var palette = new ScottPlot.Palettes.Category10();
        for (var i = 0; i < data.Solutions.Count; i++)
        {
            var (label, point) = data.Solutions[i];
            // Solutions often land close together: numbered on the plot, named in the legend.
            var tag = (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var marker = plot.Add.Marker(point, MarkerShape.FilledDiamond, 11, palette.GetColor(i + 1));
            marker.LegendText = $"{tag}: {label}";
            var text = plot.Add.Text(tag, point);
            text.LabelFontSize = 12;
            text.LabelBold = true;
            text.LabelOffsetX = 7;
            text.LabelOffsetY = -18 + (i % 2 * 20);
        }

        plot.XLabel($"{data.XParty} utility");
        plot.YLabel($"{data.YParty} utility");
        if (legend)
        {
            plot.ShowLegend(Alignment.LowerLeft);
        }
        else
        {
            plot.HideLegend();
        }

        return PlotSvg.Inline(plot, figureId, width, height, $"Agreement space: {data.XParty} against {data.YParty} utility");
    }

    private static void AddReservation(ScottPlot.Plottables.AxisLine line, string label)
    {
        line.Color = Color.FromHex("#b00020");
        line.LinePattern = LinePattern.Dashed;
        line.LineWidth = 1.2f;
        line.LegendText = label;
    }

    /// <summary>Packages often tie in utility; one dot per distinct point (at 0.1 resolution) says the same with less markup.</summary>
    private static List<Coordinates> Distinct(IEnumerable<Coordinates> points) =>
        [.. points.Select(p => new Coordinates(Math.Round(p.X, 1), Math.Round(p.Y, 1))).Distinct().OrderBy(p => p.X).ThenBy(p => p.Y)];

    private static List<Coordinates> Thin(List<Coordinates> points, int max)
    {
        if (points.Count <= max)
        {
            return points;
        }

        var step = (int)Math.Ceiling(points.Count / (double)max);
        return [.. points.Where((_, i) => i % step == 0)];
    }
}
