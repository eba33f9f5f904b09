using System.Globalization;
using System.Text;
using Parley.Talks.Service;
using ScottPlot;

namespace Parley.Web.Api;

/// <summary>
/// The frontier plot of an analysis, drawn by the briefing's one frontier drawer (<see cref="Report.FrontierPlot"/>):
/// the whole-space frontier faint, the agreement zone's frontier, the reservation lines and the solutions, projected
/// on the first two parties (the CLI's <c>parley bargain --plot</c> draws every pair with the same drawer).
/// </summary>
internal static class FrontierPlot
{
    /// <summary>The plot as base64 SVG, or null with fewer than two parties.</summary>
    public static string? Svg(AnalysisView analysis)
    {
        if (analysis.Parties.Count < 2)
        {
            return null;
        }

        var (x, y) = (analysis.Parties[0], analysis.Parties[1]);
        static Coordinates At(IReadOnlyList<double> u) => new(u[0], u[1]);
        var zone = analysis.Frontier.Select(At).ToList();
        var data = new Report.FrontierPlot.Data(x, y, [.. analysis.SpaceFrontier.Select(At)], zone, zone,
            [.. analysis.Rows.Select(r => (r["solution"], new Coordinates(double.Parse(r[x], CultureInfo.InvariantCulture), double.Parse(r[y], CultureInfo.InvariantCulture))))],
            analysis.Reservations[0], analysis.Reservations[1]);
        var svg = Report.FrontierPlot.Render("analysis-frontier", data, 640, 480, legend: true, Report.FrontierPlot.MaxCloudPoints);
        return Convert.ToBase64String(Encoding.UTF8.GetBytes(svg));
    }
}
