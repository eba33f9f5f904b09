using System.Globalization;
using Parley.Cli.Infrastructure;
using Parley.Negotiation.Tournaments;
using Spectre.Console;

namespace Parley.Cli.Commands;

/// <summary>The summary per strategy as a table and as CSV.</summary>
internal static partial class TournamentCommand
{
    internal static string Csv(IEnumerable<StrategyScore> rows) => CsvText.Write(
        ["strategy", "sessions", "agreement_rate", "mean_utility", "mean_welfare", "mean_pareto_distance", "mean_nash_distance", "mean_rounds"],
        rows.Select(r => (IEnumerable<string>)[r.Strategy, r.Sessions.ToString(CultureInfo.InvariantCulture), CsvText.Number(r.AgreementRate), CsvText.Number(r.MeanUtility),
            CsvText.Number(r.MeanWelfare), CsvText.Number(r.MeanParetoDistance), CsvText.Number(r.MeanNashDistance), CsvText.Number(r.MeanRounds)]));

    private static void Render(IAnsiConsole console, TournamentSpec spec, int sessions, IReadOnlyList<StrategyScore> summary, string dir)
    {
        console.MarkupLine($"[bold]Tournament[/] {Markup.Escape(spec.Name)}: {sessions:N0} sessions, {spec.Rounds} rounds each, seed {spec.Seed}; results in {Markup.Escape(dir)}");
        var table = new Table().AddColumns("#", "strategy", "sessions", "agreements", "mean utility", "mean welfare", "dist. Pareto", "dist. Nash", "rounds");
        var rank = 0;
        foreach (var r in summary)
        {
            table.AddRow((++rank).ToString(CultureInfo.InvariantCulture), Markup.Escape(r.Strategy), r.Sessions.ToString("N0", CultureInfo.InvariantCulture),
                SimulateCommand.Pct(r.AgreementRate), N(r.MeanUtility), N(r.MeanWelfare), N(r.MeanParetoDistance), N(r.MeanNashDistance), N(r.MeanRounds));
        }

        console.Write(table);
    }

    private static string N(double? v) => v is { } x ? x.ToString("0.0", CultureInfo.InvariantCulture) : "—";
}
