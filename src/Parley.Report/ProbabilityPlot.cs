using Parley.Negotiation.Simulation;
using ScottPlot;

namespace Parley.Report;

/// <summary>
/// Probabilities against the calendar: one line per curve (e.g. P(agreement by day d)) with its
/// confidence band, and vertical markers for the deadlines and the outlook date.
/// </summary>
internal static class ProbabilityPlot
{
    /// <summary>A probability over days with its confidence band (all in [0, 1], same length as <see cref="Days"/>).</summary>
    internal sealed record Curve(string Label, IReadOnlyList<DateOnly> Days, IReadOnlyList<double> P, IReadOnlyList<double> Low, IReadOnlyList<double> High);

    /// <summary>
    /// The curves a staged forecast is read by: P(agreement by date) and, when the plan singles a stage out (the
    /// flagship's leaders' meeting), P(that stage opened by date), each with its 95% Wilson band.
    /// </summary>
    public static IReadOnlyList<Curve> Curves(ForecastReport report)
    {
        var days = report.Curve.Select(c => c.Date).ToList();
        var curves = new List<Curve> { Of($"P(agreement: {report.AgreementStage} succeeded), 95% band", days, [.. report.Curve.Select(c => c.Agreement)]) };
        var focus = report.Stages.Select(s => s.Id).ToList().IndexOf(report.FocusStage ?? "");
        if (focus >= 0)
        {
            curves.Add(Of($"P({report.FocusStage} opened), 95% band", days, [.. report.Curve.Select(c => c.Opened[focus])]));
        }

        return curves;
    }

    public static string Render(string figureId, IReadOnlyList<Curve> curves, IReadOnlyList<(string Label, DateOnly Day)> markers) =>
        PlotSvg.Inline(Build(curves, markers), figureId, 720, 400, "Probabilities over time with confidence bands");

    /// <summary>The plot itself, for a caller that saves it as a file (<c>parley simulate --plot</c>).</summary>
    public static Plot Build(IReadOnlyList<Curve> curves, IReadOnlyList<(string Label, DateOnly Day)> markers)
    {
        var plot = new Plot();
        plot.Font.Set(PlotSvg.FontFamily);
        var palette = new ScottPlot.Palettes.Category10();
        for (var i = 0; i < curves.Count; i++)
        {
            var curve = curves[i];
            var xs = curve.Days.Select(X).ToArray();
            var colour = palette.GetColor(i);
            var band = plot.Add.FillY(xs, [.. curve.Low], [.. curve.High]);
            band.FillColor = colour.WithAlpha(0.2);
            band.LineColor = colour.WithAlpha(0);
            var line = plot.Add.ScatterLine(xs, [.. curve.P]);
            line.Color = colour;
            line.LineWidth = 2;
            line.LegendText = curve.Label;
        }

        foreach (var (label, day) in markers)
        {
            // Named in the legend: labels on the axis collide when deadlines are days apart.
            var line = plot.Add.VerticalLine(X(day));
            line.Color = label.Contains("--by", StringComparison.Ordinal) ? Color.FromHex("#1f5fa8") : Color.FromHex("#b00020");
            line.LinePattern = LinePattern.Dashed;
            line.LegendText = label;
        }

        var ticks = plot.Axes.DateTimeTicksBottom();
        if (ticks.TickGenerator is ScottPlot.TickGenerators.DateTimeAutomatic automatic)
        {
            automatic.LabelFormatter = d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        }

        // Small probabilities would be a flat line on a 0–1 axis; the axis shows what the band reaches.
        var top = curves.SelectMany(c => c.High).DefaultIfEmpty(0).Max();
        plot.Axes.SetLimitsY(0, Math.Min(1, Math.Max(0.05, top * 1.2)));
        plot.YLabel("probability");
        plot.ShowLegend(Alignment.UpperLeft);
        return plot;
    }

    private static Curve Of(string label, IReadOnlyList<DateOnly> days, IReadOnlyList<Proportion> points) =>
        new(label, days, [.. points.Select(p => p.P)], [.. points.Select(p => p.Low)], [.. points.Select(p => p.High)]);

    private static double X(DateOnly day) => day.ToDateTime(TimeOnly.MinValue).ToOADate();
}
