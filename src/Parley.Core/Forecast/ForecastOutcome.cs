using Parley.Model;

namespace Parley.Forecast;

/// <summary>
/// A summary of where a run ends: the capability × salience weighted mean of the final positions per dimension,
/// how far apart the actors still are (largest distance of any actor from that outcome on any dimension, in points
/// of the 0–100 scale) and whether they converged (all within <see cref="ConvergenceTolerance"/> points).
/// </summary>
internal sealed record ForecastOutcome(double[] Outcome, double Spread, bool Converged, int Turns)
{
    /// <summary>Actors within this many points of the outcome on every dimension count as converged.</summary>
    public const double ConvergenceTolerance = 10;

    /// <summary>The outcome of <paramref name="result"/> over the actors named in <paramref name="over"/> (all when null).</summary>
    public static ForecastOutcome Of(ForecastResult result, IReadOnlySet<string>? over = null)
    {
        var keep = Enumerable.Range(0, result.Input.Actors.Count).Where(i => over is null || over.Contains(result.Input.Actors[i].Name)).ToArray();
        var input = result.Input with { Actors = keep.Select(i => result.Input.Actors[i]).ToValueList() };
        var final = keep.Select(i => result.Final[i]).ToArray();
        var outcome = CompromiseModel.Mean(input, final);
        var spread = 0.0;
        foreach (var p in final)
        {
            for (var d = 0; d < outcome.Length; d++)
            {
                spread = Math.Max(spread, Math.Abs(p[d] - outcome[d]));
            }
        }

        return new ForecastOutcome(outcome, spread, spread <= ConvergenceTolerance, result.Turns);
    }
}
