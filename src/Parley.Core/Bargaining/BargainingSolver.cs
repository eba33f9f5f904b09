using Parley.Model;

namespace Parley.Bargaining;

/// <summary>
/// The bargaining lens's entry point: agreement zone, Pareto frontiers, the Nash / Kalai–Smorodinsky /
/// egalitarian / utilitarian solutions, and, when no package is acceptable to all, the red-line diagnosis.
/// Pure and deterministic (the result does not depend on the number of threads). See docs/bargaining.md.
/// </summary>
public static class BargainingSolver
{
    /// <summary>Solves a scenario for the parties in <paramref name="options"/> (default: every non-optional party with preferences).</summary>
    /// <exception cref="ArgumentException">A requested party is unknown or has no preferences, or a red line names an unknown issue/option.</exception>
    public static BargainingResult Solve(Scenario scenario, BargainingOptions? options = null, CancellationToken cancel = default)
    {
        options ??= BargainingOptions.Default;
        return Solve(UtilityTable.FromScenario(scenario, options.Parties, options.RedLines), options, cancel);
    }

    /// <summary>Solves a utility table (from a scenario or imported profiles), restricted to <see cref="BargainingOptions.Parties"/> when given.</summary>
    /// <exception cref="ArgumentException">A requested party is not in the table, or a red line names an unknown issue/option.</exception>
    public static BargainingResult Solve(UtilityTable table, BargainingOptions? options = null, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        options ??= BargainingOptions.Default;
        if (options.Parties is { } parties)
        {
            table = table.WithParties(parties);
        }

        if (!options.RedLines)
        {
            table = table.WithoutRedLines();
        }

        var analysis = Analyse(table, options, cancel);
        var spaceFrontier = table.Parties.Any(p => p.RedLines.Count > 0)
            ? Analyse(table.WithoutRedLines(), options, cancel, count: false).Frontier
            : analysis.Frontier;
        Diagnosis? diagnosis = null;
        if (analysis.Zone.Count == 0 && options.Diagnose)
        {
            diagnosis = Diagnoser.Diagnose(table, analysis, options, cancel);
        }

        var ideals = analysis.Zone.Count == 0 ? [] : SolutionFinder.Ideals(analysis.Zone, table.Parties.Count);
        return new BargainingResult(
            table,
            table.Space.Count,
            analysis.Admissible,
            analysis.ZoneCount,
            analysis.Zone.ToValueList(),
            spaceFrontier.ToValueList(),
            ideals.ToValueList(),
            SolutionFinder.Find(SolutionKind.Nash, table, analysis.Zone),
            SolutionFinder.Find(SolutionKind.KalaiSmorodinsky, table, analysis.Zone),
            SolutionFinder.Find(SolutionKind.Egalitarian, table, analysis.Zone),
            SolutionFinder.Find(SolutionKind.Utilitarian, table, analysis.Zone),
            diagnosis);
    }

    /// <summary>
    /// The package <paramref name="rule"/> picks from a solved zone, or null when the zone is empty.
    /// <see cref="SuggestionRule.MaxMinGain"/>: the largest smallest gain over reservation, ties (within the table's
    /// tolerance) by the larger Nash product, then by the lowest package index; taken on the zone's frontier, since a
    /// point dominating a maximiser is at least as good on both criteria.
    /// </summary>
    public static Solution? Suggest(BargainingResult result, SuggestionRule rule)
    {
        ArgumentNullException.ThrowIfNull(result);
        return rule switch
        {
            SuggestionRule.Nash => result.Nash,
            SuggestionRule.KalaiSmorodinsky => result.KalaiSmorodinsky,
            _ => SolutionFinder.MaxMinGain(result.Table, result.Pareto),
        };
    }

    /// <summary>
    /// Exact Pareto frontier of the packages that break no red line of the table's parties (reservation values ignored),
    /// by dynamic programming over issues; by the first party's utility, descending.
    /// </summary>
    /// <exception cref="NotSupportedException">Red lines tie together issues with more than 4 million combinations and the space is too large to enumerate.</exception>
    public static IReadOnlyList<Outcome> Frontier(UtilityTable table, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        return Analyse(table, BargainingOptions.Default, cancel, count: false).Frontier;
    }

    internal static Analysis Analyse(UtilityTable table, BargainingOptions options, CancellationToken cancel, bool count = true)
    {
        var grouped = GroupedSpace.Build(table, options.CompoundLimit);
        if (grouped is null)
        {
            // Red lines joining too many issues: stream through the whole space instead.
            if (table.Space.Count > options.EnumerationLimit)
            {
                throw new NotSupportedException(
                    $"the red lines tie together issues with more than {options.CompoundLimit:N0} option combinations and the space ({table.Space.Count:E2} packages) is too large to enumerate; split the rules");
            }

            var streamed = StreamingFrontier.Compute(table, Thresholds(table), options.Workers, cancel);
            var all = ToOutcomes(table, streamed.Frontier);
            return new Analysis(streamed.Admissible, all, [.. all.Where(o => InZone(table, o))], streamed.Zone);
        }

        var frontier = ToOutcomes(table, FrontierDp.Frontier(grouped, table.Tolerance, cancel));
        var zone = frontier.Where(o => InZone(table, o)).ToList();
        long? zoneCount = zone.Count == 0 ? 0
            : count && grouped.Count <= options.EnumerationLimit ? ZoneCounter.Count(grouped, Thresholds(table), options.Workers, cancel: cancel)
            : null;
        return new Analysis(grouped.Count, frontier, zone, zoneCount);
    }

    internal static double[] Thresholds(UtilityTable table) => [.. table.Parties.Select(p => p.Reservation - table.Tolerance)];

    internal static bool InZone(UtilityTable table, Outcome o)
    {
        for (var p = 0; p < table.Parties.Count; p++)
        {
            if (o.Utilities[p] < table.Parties[p].Reservation - table.Tolerance)
            {
                return false;
            }
        }

        return true;
    }

    private static List<Outcome> ToOutcomes(UtilityTable table, List<int[]> packages) =>
        [.. packages.Select(pk => new Outcome(pk.ToValueList(), table.Utilities(pk).ToValueList()))];

    /// <summary>Intermediate results shared with the diagnosis.</summary>
    internal sealed record Analysis(double Admissible, List<Outcome> Frontier, List<Outcome> Zone, long? ZoneCount);
}
