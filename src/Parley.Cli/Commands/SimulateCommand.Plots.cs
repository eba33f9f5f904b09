using Parley.Cli.Infrastructure;
using Parley.Negotiation;
using Parley.Negotiation.Simulation;
using ScottPlot;

namespace Parley.Cli.Commands;

internal static partial class SimulateCommand
{
    /// <summary>The negotiation lens's plots (ScottPlot), saved as PNG or SVG by the file's extension.</summary>
    internal static class Plots
    {
        /// <summary>Rejects a plot path that is not .png/.svg before any work is done (a user should not wait for the runs to learn that).</summary>
        public static void CheckExtension(string? path)
        {
            if (path is not null && Path.GetExtension(path).ToLowerInvariant() is not (".png" or ".svg"))
            {
                throw new UsageException($"plot file '{path}': expected a .png or .svg extension");
            }
        }

        /// <summary>The briefing's outlook curves (one drawer: <see cref="Parley.Report.ProbabilityPlot"/>), titled for a file of their own.</summary>
        public static void AgreementCurve(ForecastReport report, string path)
        {
            var plot = Parley.Report.ProbabilityPlot.Build(Parley.Report.ProbabilityPlot.Curves(report), [($"--by {Day(report.By)}: {Pct(report.Agreement.P)}", report.By)]);
            plot.Title($"{report.Scenario}: P(agreement){(report.FocusStage is { } focus ? $" and P({focus} opened)" : "")} against the date ({report.Runs:N0} runs){(report.Illustrative ? " — illustrative" : "")}");
            Save(plot, path);
        }

        /// <summary>The "dance": each party's offers in the utility space of the first two parties at the table, in time order.</summary>
        public static void Dance(SessionTraceRecord session, string path)
        {
            var plot = new Plot();
            var palette = new ScottPlot.Palettes.Category10();
            var parties = session.Parties.Concat(["mediator"]).ToList();
            for (var p = 0; p < parties.Count; p++)
            {
                var offers = session.Moves.Where(m => m.Party == parties[p] && m.Kind == MoveKind.Offer && m.Utilities.Count >= 2).ToList();
                if (offers.Count == 0)
                {
                    continue;
                }

                var scatter = plot.Add.Scatter(offers.Select(m => m.Utilities[0]).ToArray(), offers.Select(m => m.Utilities[1]).ToArray());
                scatter.LegendText = $"{parties[p]} offers";
                scatter.Color = palette.GetColor(p);
                scatter.MarkerSize = 6;
            }

            if (session.Moves.LastOrDefault(m => m.Kind == MoveKind.Accept && m.Utilities.Count >= 2) is { } deal && session.Agreement is not null)
            {
                var marker = plot.Add.Marker(deal.Utilities[0], deal.Utilities[1], MarkerShape.FilledDiamond, 14, Colors.Black);
                marker.LegendText = "agreement";
            }

            plot.XLabel($"utility to {session.Parties[0]}");
            plot.YLabel(session.Parties.Count > 1 ? $"utility to {session.Parties[1]}" : "");
            plot.Title($"Negotiation dance: stage {session.Stage} ({session.Protocol}, {session.Outcome}); agenda {string.Join(", ", session.Agenda)}");
            plot.ShowLegend(Alignment.LowerLeft);
            Save(plot, path);
        }

        /// <summary>A horizontal ranking of strategies by a score.</summary>
        public static void Ranking(IReadOnlyList<(string Name, double Value)> rows, string metric, string title, string path)
        {
            var plot = new Plot();
            var ordered = rows.OrderBy(r => r.Value).ToList();
            var bars = ordered.Select((r, i) => new ScottPlot.Bar { Position = i, Value = r.Value, Orientation = Orientation.Horizontal }).ToList();
            plot.Add.Bars(bars);
            plot.Axes.Left.SetTicks([.. Enumerable.Range(0, ordered.Count).Select(i => (double)i)], [.. ordered.Select(r => r.Name)]);
            plot.Axes.Margins(left: 0);
            plot.XLabel(metric);
            plot.Title(title);
            Save(plot, path);
        }

        private static void Save(Plot plot, string path)
        {
            var ext = Path.GetExtension(path).ToLowerInvariant();
            switch (ext)
            {
                case ".png":
                    plot.SavePng(path, 1000, 640);
                    break;
                case ".svg":
                    plot.SaveSvg(path, 1000, 640);
                    break;
                default:
                    throw new UsageException($"plot file '{path}': expected a .png or .svg extension");
            }
        }
    }
}
