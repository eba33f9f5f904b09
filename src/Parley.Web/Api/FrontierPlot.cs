using System.Text;
using Parley.Talks.Service;

namespace Parley.Web.Api;

/// <summary>
/// The frontier plot of an analysis, drawn by the briefing's one frontier drawer (<see cref="Report.FrontierPlot"/>)
/// from the analysis's own result, projected on the first two parties (the CLI's <c>parley bargain --plot</c> draws
/// every pair with the same drawer).
/// </summary>
internal static class FrontierPlot
{
    /// <summary>The plot as base64 SVG, or null with fewer than two parties.</summary>
    public static string? Svg(AnalysisView analysis)
    {
        if (analysis.Solved is not { } result || analysis.Parties.Count < 2)
        {
            return null;
        }

        var data = Report.FrontierPlot.DataFor(result, analysis.Parties[0], analysis.Parties[1]);
        var svg = Report.FrontierPlot.Render("analysis-frontier", data, 640, 480, legend: true, Report.FrontierPlot.MaxCloudPoints);
        return Convert.ToBase64String(Encoding.UTF8.GetBytes(svg));
    }
}
