using System.Globalization;

namespace Parley.Forecast;

/// <summary>
/// The spatial model of politics as KTAB's <c>smpc</c> defines it (challenge, bargain, vote on bargains, repeat),
/// implemented from the equations in docs/forecast.md. Pure and deterministic: the same input, options and seed
/// give the same history on any number of threads.
/// </summary>
internal sealed partial class SmpModel
{
    /// <summary>KTAB's smallest expected gain that makes a challenge worth making.</summary>
    private const double MinSignificantGain = 1e-5;

    /// <summary>KTAB's smallest coalition in a single contest.</summary>
    private const double MinContestCoalition = 1e-10;

    /// <summary>Positions closer than this (Euclidean, on [0, 1]) count as the same position.</summary>
    private const double PositionTolerance = 1e-3;

    private readonly int _na;
    private readonly int _nd;
    private readonly double[] _cap;
    private readonly double[][] _sal;
    private readonly double[] _salSum;
    private readonly SmpOptions _o;
    private readonly ParallelOptions _parallel;

    private SmpModel(ForecastInput input, SmpOptions options)
    {
        _na = input.Actors.Count;
        _nd = input.Dimensions.Count;
        _o = options;
        _cap = input.Actors.Select(a => a.Capability).ToArray();
        _sal = input.Actors.Select(a => a.Saliences.Select(s => s / 100.0).ToArray()).ToArray();
        _salSum = _sal.Select(s => s.Aggregate(0.0, (acc, x) => acc + x)).ToArray();
        _parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.MaxDegreeOfParallelism) };
    }

    /// <summary>Runs the model to its stop test.</summary>
    public static ForecastResult Run(ForecastInput input, SmpOptions? options = null, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        options ??= new SmpOptions();
        if (input.Actors.Count < 2)
        {
            throw new ArgumentException("the SMP needs at least two actors", nameof(input));
        }

        var model = new SmpModel(input, options);
        return model.Execute(input, cancel);
    }

    private ForecastResult Execute(ForecastInput input, CancellationToken cancel)
    {
        var rng = SplitMix64.Derive(_o.Seed, 0);
        var start = input.Actors.Select(a => a.Positions.Select(p => p / 100.0).ToArray()).ToArray();
        var states = new List<Turn> { new(this, start) };
        var changes = new List<double> { double.NaN };
        string reason;
        for (var iter = 1; ; iter++)
        {
            cancel.ThrowIfCancellationRequested();
            var next = new Turn(this, states[^1].Step(ref rng));
            states.Add(next);
            var d01 = StateDistance(states[0].Positions, states[1].Positions) + _o.MinSignificantDelta;
            var dxy = StateDistance(states[iter].Positions, states[iter - 1].Positions);
            var ratio = dxy / d01;
            changes.Add(ratio);
            if (_o.MaxTurns <= iter)
            {
                reason = string.Create(CultureInfo.InvariantCulture, $"reached the turn limit ({_o.MaxTurns})");
                break;
            }

            if (_o.MinTurns <= iter && ratio < _o.MinDeltaRatio)
            {
                reason = string.Create(CultureInfo.InvariantCulture, $"last step moved {ratio:0.0000} of the first step (target < {_o.MinDeltaRatio:0.0000})");
                break;
            }
        }

        return new ForecastResult(
            input,
            _o,
            states.Select(s => s.Positions.Select(p => p.Select(x => x * 100.0).ToArray()).ToArray()).ToList(),
            states.Select(s => s.WinProbabilities()).ToList(),
            changes,
            reason);
    }

    /// <summary>The risk attitudes KTAB infers for the state with the given positions (0–100 scale), for parity checks.</summary>
    internal static double[] RiskAttitudes(ForecastInput input, SmpOptions options, double[][] positions) =>
        new Turn(new SmpModel(input, options), positions.Select(p => p.Select(x => x / 100.0).ToArray()).ToArray()).Risk;

    /// <summary>Each actor's best target in the initial state (target −1 when none), for parity checks.</summary>
    internal static (int Target, double Prob, double Gain)[] InitialTargets(ForecastInput input, SmpOptions options)
    {
        var turn = new Turn(new SmpModel(input, options), input.Actors.Select(a => a.Positions.Select(p => p / 100.0).ToArray()).ToArray());
        return Enumerable.Range(0, input.Actors.Count).Select(turn.BestTarget).ToArray();
    }

    /// <summary>Σ_i ‖x_i − y_i‖ on the [0, 1] scale (KTAB's state distance).</summary>
    internal static double StateDistance(double[][] a, double[][] b)
    {
        var sum = 0.0;
        for (var i = 0; i < a.Length; i++)
        {
            sum += Norm(a[i], b[i]);
        }

        return sum;
    }

    private static double Norm(double[] a, double[] b)
    {
        var s = 0.0;
        for (var k = 0; k < a.Length; k++)
        {
            var d = a[k] - b[k];
            s += d * d;
        }

        return Math.Sqrt(s);
    }
}
