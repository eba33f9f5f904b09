using Parley.Forecast;
using ScottPlot;

namespace Parley.Cli.Commands;

/// <summary>The plot of positions over turns (ScottPlot): one panel per dimension, one line per actor.</summary>
internal static partial class ForecastCommand
{
    private const int PlotWidth = 900;
    private const int PanelHeight = 320;

    internal static void SavePlot(ForecastResult r, string path)
    {
        // AddPlots sets the exact number of panels (a new Multiplot may already hold an empty one).
        var multiplot = new Multiplot();
        multiplot.AddPlots(r.Input.Dimensions.Count);
        var panels = multiplot.GetPlots();
        var turns = Enumerable.Range(0, r.Turns).Select(t => (double)t).ToArray();
        for (var d = 0; d < r.Input.Dimensions.Count; d++)
        {
            var plot = panels[d];
            for (var i = 0; i < r.Input.Actors.Count; i++)
            {
                var ys = r.Positions.Select(p => p[i][d]).ToArray();
                var line = plot.Add.Scatter(turns, ys);
                line.MarkerSize = r.Turns <= 30 ? 4 : 0;
                line.LegendText = r.Input.Actors[i].Name;
            }

            plot.Title(r.Input.Dimensions[d] + (r.Input.Illustrative ? " (illustrative)" : ""));
            plot.XLabel("turn");
            plot.YLabel("position (0–100)");
            plot.Axes.SetLimitsY(-2, 102);
            plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
            plot.Axes.SetLimitsX(-0.2, Math.Max(1, r.Turns - 1) + 0.2);
            if (r.Input.Actors.Count <= 12)
            {
                plot.ShowLegend(Alignment.UpperRight);
            }

        }

        var height = PanelHeight * r.Input.Dimensions.Count;
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null && !Directory.Exists(directory))
        {
            throw new Infrastructure.UsageException($"--plot '{path}': directory '{directory}' does not exist");
        }

        Plots.PlotFile.Save(multiplot, path, PlotWidth, height);
    }
}
