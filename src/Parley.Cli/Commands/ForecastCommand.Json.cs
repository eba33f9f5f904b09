using System.Globalization;
using Parley.Forecast;

namespace Parley.Cli.Commands;

/// <summary>The JSON form of a forecast.</summary>
internal static partial class ForecastCommand
{
    /// <summary>
    /// <c>{"turns": N, "actors": [{"name", "positions": [[…one value per dimension…] per turn]}], …}</c> with positions
    /// on the input's 0–100 scale, rounded as printf would to <paramref name="digits"/> decimals.
    /// </summary>
    internal static object ToJson(ForecastResult r, RobustnessReport? report, int digits)
    {
        var outcome = ForecastOutcome.Of(r);
        return new
        {
            name = r.Input.Name,
            illustrative = r.Input.Illustrative,
            model = "smp",
            options = r.Options.Describe(),
            turns = r.Turns,
            steps = r.Steps,
            stop = r.StopReason,
            dimensions = r.Input.Dimensions,
            actors = r.Input.Actors.Select((a, i) => new
            {
                name = a.Name,
                capability = a.Capability,
                salience = a.Saliences,
                positions = r.Positions.Select(t => t[i].Select(x => Round(x, digits)).ToArray()),
                probabilities = r.Probabilities.Select(t => Round(t[i], 4)),
            }),
            outcome = OutcomeJson(outcome, digits),
            compromise = new
            {
                mean = CompromiseModel.Mean(r.Input).Select(x => Round(x, digits)),
                median = CompromiseModel.Median(r.Input).Select(x => Round(x, digits)),
            },
            robustness = report is null ? null : new
            {
                shiftThreshold = report.ShiftThreshold,
                leaveOneOut = report.LeaveOneOut.Select(v => VariantJson(v, digits)),
                seeds = report.Seeds.Select(v => VariantJson(v, digits)),
                leaveOneOutSpread = SpreadJson(report.Spread(report.LeaveOneOut), digits),
                seedSpread = SpreadJson(report.Spread(report.Seeds), digits),
                qualitativeChanges = report.LeaveOneOut.Concat(report.Seeds).Where(v => v.Qualitative).Select(v => v.Label),
            },
        };
    }

    private static object OutcomeJson(ForecastOutcome o, int digits) => new
    {
        position = o.Outcome.Select(x => Round(x, digits)),
        spread = Round(o.Spread, digits),
        converged = o.Converged,
        turns = o.Turns,
    };

    private static object VariantJson(RobustnessVariant v, int digits) => new
    {
        label = v.Label,
        dropped = v.Dropped,
        seed = v.Seed,
        outcome = OutcomeJson(v.Outcome, digits),
        baselineOverSameActors = OutcomeJson(v.Reference, digits),
        shift = Round(v.Shift, digits),
        qualitative = v.Qualitative,
    };

    private static object SpreadJson((double Min, double Max)[] spread, int digits) =>
        spread.Select(s => new { min = Round(s.Min, digits), max = Round(s.Max, digits) });

    /// <summary>Rounds like printf("%.Nf") (exact binary value), so JSON agrees with KTAB's printed logs.</summary>
    internal static double Round(double x, int digits) =>
        double.Parse(x.ToString("F" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
}
