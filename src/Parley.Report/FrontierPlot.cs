using Parley.Bargaining;
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

    /// <summary>Above this many packages the faint cloud of all packages is left out of the plot (it would need enumerating them).</summary>
    public const long MaxCloudSpace = 250_000;

    /// <summary>
    /// What to draw for parties <paramref name="x"/> and <paramref name="y"/> of a solved table: the pair's packages (when
    /// the space is small enough), the zone and the pair's Pareto frontier, the reservation values, and the solutions
    /// (for an empty zone, the Nash package of each minimal relaxation).
    /// </summary>
    public static Data DataFor(BargainingResult result, string x, string y)
    {
        ArgumentNullException.ThrowIfNull(result);
        var pair = result.Table.WithParties([x, y]);
        var (xi, yi) = (result.Table.PartyIndex(x), result.Table.PartyIndex(y));
        var cloud = new List<Coordinates>();
        if (pair.Space.ExactCount is { } count && count <= MaxCloudSpace)
        {
            for (long i = 0; i < count; i++)
            {
                var u = pair.Utilities(pair.Space.PackageAt(i));
                cloud.Add(new Coordinates(u[0], u[1]));
            }
        }

        var frontier = BargainingSolver.Frontier(pair.WithoutRedLines()).Select(o => new Coordinates(o.Utilities[0], o.Utilities[1])).ToList();
        var zone = result.Pareto.Select(o => new Coordinates(o.Utilities[xi], o.Utilities[yi])).ToList();
        var solutions = result.HasAgreement
            ? result.Solutions.Select(sol => (Name(sol.Kind), new Coordinates(sol.Outcome.Utilities[xi], sol.Outcome.Utilities[yi]))).ToList()
            : (result.Diagnosis?.Relaxations ?? Enumerable.Empty<Relaxation>()).Where(r => r.Nash is not null)
                .Select(r => ($"Nash, dropping {string.Join(" + ", r.Drop)}", new Coordinates(r.Nash!.Outcome.Utilities[xi], r.Nash.Outcome.Utilities[yi]))).ToList();
        return new Data(x, y, cloud, zone, frontier, solutions, pair.Parties[0].Reservation, pair.Parties[1].Reservation);
    }

    /// <summary>A solution concept's name as plots and tables print it.</summary>
    public static string Name(SolutionKind kind) => kind switch
    {
        SolutionKind.Nash => "Nash",
        SolutionKind.KalaiSmorodinsky => "Kalai–Smorodinsky",
        SolutionKind.Egalitarian => "egalitarian",
        _ => "utilitarian",
    };

    /// <summary>One chart, 720×480, legend included.</summary>
    public static string Render(string figureId, Data data) => Render(figureId, data, 720, 480, legend: true, MaxCloudPoints);

    /// <summary>
    /// One chart of the given size; in a grid of pairwise projections only the first panel carries the legend
    /// (the layers and solution numbers are the same in every panel), and each panel's cloud is capped lower to keep
    /// the page small.
    /// </summary>
    public static string Render(string figureId, Data data, int width, int height, bool legend, int maxCloudPoints) =>
        PlotSvg.Inline(Build(data, legend, maxCloudPoints), figureId, width, height, $"Agreement space: {data.XParty} against {data.YParty} utility");

    /// <summary>The chart as a ScottPlot plot: the one frontier drawer, inlined by the briefing and the web, saved as PNG/SVG by <c>parley bargain --plot</c>.</summary>
    public static Plot Build(Data data, bool legend, int maxCloudPoints)
    {
        ArgumentNullException.ThrowIfNull(data);
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

        return plot;
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
