using ScottPlot;

namespace Parley.Report;

/// <summary>
/// Where positions converge, per dimension: each actor's starting position (coloured dots), the
/// forecast outcome (black diamond) and the range it takes across the robustness variants (grey bar).
/// </summary>
internal static class ForecastPlot
{
    /// <summary>What to draw, all on the 0–100 scale; <see cref="Initial"/>[actor][dimension].</summary>
    internal sealed record Data(
        IReadOnlyList<string> Dimensions,
        IReadOnlyList<string> Actors,
        IReadOnlyList<IReadOnlyList<double>> Initial,
        IReadOnlyList<double> Outcome,
        IReadOnlyList<(double Min, double Max)> Range);

    public static string Render(string figureId, Data data)
    {
        var plot = new Plot();
        plot.Font.Set(PlotSvg.FontFamily);
        for (var d = 0; d < data.Dimensions.Count; d++)
        {
            var bar = plot.Add.Line(d, data.Range[d].Min, d, data.Range[d].Max);
            bar.LineWidth = 9;
            bar.Color = Colors.Gray.WithAlpha(0.45);
            if (d == 0)
            {
                bar.LegendText = "outcome range across robustness runs";
            }
        }

        var palette = new ScottPlot.Palettes.Category10();
        var n = data.Actors.Count;
        for (var a = 0; a < n; a++)
        {
            // Actors are spread a little sideways so equal positions stay visible.
            var xs = Enumerable.Range(0, data.Dimensions.Count).Select(d => d + ((a - ((n - 1) / 2.0)) * 0.07)).ToArray();
            var dots = plot.Add.ScatterPoints(xs, [.. data.Initial[a]]);
            dots.Color = palette.GetColor(a);
            dots.MarkerSize = 8;
            dots.LegendText = $"{data.Actors[a]} (start)";
        }

        var outcome = plot.Add.ScatterPoints(Enumerable.Range(0, data.Dimensions.Count).Select(d => (double)d).ToArray(), [.. data.Outcome]);
        outcome.Color = Colors.Black;
        outcome.MarkerShape = MarkerShape.FilledDiamond;
        outcome.MarkerSize = 13;
        outcome.LegendText = "forecast outcome";

        plot.Axes.Bottom.SetTicks([.. Enumerable.Range(0, data.Dimensions.Count).Select(d => (double)d)], [.. data.Dimensions]);
        plot.Axes.SetLimits(-0.6, data.Dimensions.Count - 0.4, -5, 105);
        plot.YLabel("position (0–100)");
        plot.ShowLegend(Edge.Bottom);
        return PlotSvg.Inline(plot, figureId, 760, 460, "Forecast: starting positions, forecast outcome and its robustness range per dimension");
    }
}
