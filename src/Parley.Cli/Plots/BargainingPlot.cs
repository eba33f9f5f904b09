using Parley.Bargaining;
using ScottPlot;

namespace Parley.Cli.Plots;

/// <summary>
/// Frontier plots drawn by the briefing's frontier drawer (<see cref="Parley.Report.FrontierPlot"/>): for two parties one
/// chart; for three or more, a grid of pairwise projections (the same layers, one panel per pair). PNG or SVG by the
/// file extension.
/// </summary>
internal static class BargainingPlot
{
    private const int PanelWidth = 720;
    private const int PanelHeight = 480;

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

    /// <summary>One panel, drawn by the one frontier drawer the briefing and the web use.</summary>
    private static Plot Panel(BargainingResult result, int x, int y, bool single)
    {
        var ids = result.Parties;
        var plot = Parley.Report.FrontierPlot.Build(Parley.Report.FrontierPlot.DataFor(result, ids[x], ids[y]), legend: single || (x == 0 && y == 1),
            single ? Parley.Report.FrontierPlot.MaxCloudPoints : Parley.Report.FrontierPlot.MaxCloudPoints / 2);
        plot.Title(single ? "Agreement space and bargaining solutions" : $"{ids[x]} × {ids[y]} (projection)");
        if (!result.HasAgreement)
        {
            plot.Add.Annotation("agreement zone empty");
        }

        return plot;
    }

    public static string Name(SolutionKind kind) => Parley.Report.FrontierPlot.Name(kind);
}
