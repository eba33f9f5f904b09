using System.Text;
using Parley.Talks.Service;
using ScottPlot;

namespace Parley.Web.Api;

/// <summary>
/// The frontier plot of an analysis (ScottPlot, SVG in memory): the whole-space frontier, the agreement
/// zone's frontier, the reservation lines and the solutions, projected on the first two parties.
/// The CLI's <c>parley bargain --plot</c> draws every pair; the web shows the first pair.
/// </summary>
internal static class FrontierPlot
{
    public static string? Svg(AnalysisView analysis)
    {
        if (analysis.Parties.Count < 2)
        {
            return null;
        }

        var plot = new Plot();
        var (x, y) = (analysis.Parties[0], analysis.Parties[1]);
        plot.XLabel($"{x} utility");
        plot.YLabel($"{y} utility");
        plot.Title(analysis.Parties.Count == 2 ? "Pareto frontier and solutions" : $"{x} × {y} (projection)");
        var space = plot.Add.ScatterPoints(analysis.SpaceFrontier.Select(u => u[0]).ToArray(), analysis.SpaceFrontier.Select(u => u[1]).ToArray());
        space.Color = Colors.Gray;
        space.LegendText = "frontier, whole space";
        if (analysis.Frontier.Count > 0)
        {
            var zone = plot.Add.ScatterPoints(analysis.Frontier.Select(u => u[0]).ToArray(), analysis.Frontier.Select(u => u[1]).ToArray());
            zone.Color = Colors.SteelBlue;
            zone.MarkerSize = 7;
            zone.LegendText = "frontier, agreement zone";
        }

        var rx = plot.Add.VerticalLine(analysis.Reservations[0]);
        rx.LinePattern = LinePattern.Dashed;
        rx.Color = Colors.DarkRed;
        rx.LegendText = "reservation values";
        var ry = plot.Add.HorizontalLine(analysis.Reservations[1]);
        ry.LinePattern = LinePattern.Dashed;
        ry.Color = Colors.DarkRed;
        Color[] colors = [Colors.Orange, Colors.Green, Colors.Purple, Colors.Black];
        for (var i = 0; i < analysis.Rows.Count; i++)
        {
            var row = analysis.Rows[i];
            var marker = plot.Add.Marker(double.Parse(row[x], System.Globalization.CultureInfo.InvariantCulture), double.Parse(row[y], System.Globalization.CultureInfo.InvariantCulture),
                MarkerShape.FilledDiamond, 12 - (2 * i), colors[i % colors.Length]);
            marker.LegendText = row["solution"];
        }

        plot.ShowLegend(Alignment.LowerLeft);
        return Convert.ToBase64String(Encoding.UTF8.GetBytes(plot.GetSvgXml(640, 480)));
    }
}
