using Parley.Bargaining;
using Parley.Model;

namespace Parley.Negotiation.Tournaments;

/// <summary>
/// Reference points from the bargaining lens: the exact Pareto frontier of the packages that keep every
/// role's red lines (reservation values ignored) and the Nash solution inside the agreement zone.
/// </summary>
internal sealed class AgreementMetrics : IAgreementMetrics
{
    private readonly double[][] _frontier;
    private readonly double[]? _nash;

    private AgreementMetrics(double[][] frontier, double[]? nash)
    {
        _frontier = frontier;
        _nash = nash;
    }

    /// <summary>Metrics for the listed parties of a scenario.</summary>
    public static IAgreementMetrics For(Scenario scenario, IReadOnlyList<string> parties, bool redLines) =>
        For(UtilityTable.FromScenario(scenario, parties, redLines));

    /// <summary>Metrics for a bargaining table (a scenario's or an imported domain's).</summary>
    public static IAgreementMetrics For(UtilityTable table)
    {
        var frontier = BargainingSolver.Frontier(table).Select(o => o.Utilities.ToArray()).ToArray();
        var nash = BargainingSolver.Solve(table, new BargainingOptions { Diagnose = false }).Nash?.Outcome.Utilities.ToArray();
        return new AgreementMetrics(frontier, nash);
    }

    public double? DistanceToPareto(IReadOnlyList<double> utilities) =>
        _frontier.Length == 0 ? null : _frontier.Min(point => Distance(point, utilities));

    public double? DistanceToNash(IReadOnlyList<double> utilities) => _nash is null ? null : Distance(_nash, utilities);

    private static double Distance(double[] point, IReadOnlyList<double> utilities)
    {
        var sum = 0.0;
        for (var i = 0; i < point.Length; i++)
        {
            var d = point[i] - utilities[i];
            sum += d * d;
        }

        return Math.Sqrt(sum);
    }
}
