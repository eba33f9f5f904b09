namespace Parley.Negotiation.Simulation;

/// <summary>
/// When each party's red lines soften in one run. A firm red line softens once its cumulative hazard
/// reaches an Exp(1) draw; the weekly hazard h is piecewise constant (rate −ln(1 − h) per week) and rises at
/// each pressure step, so the remaining exposure is carried over and the softening day recomputed.
/// </summary>
internal sealed class RedLineClocks(int parties)
{
    /// <summary>Per party and red line: the day it stops binding (0 = soft from the start, ∞ = never).</summary>
    public double[][] FirmUntil { get; } = new double[parties][];

    private readonly double[][] _hazard = new double[parties][];
    private readonly double[][] _remaining = new double[parties][];
    private readonly double[][] _since = new double[parties][];

    /// <summary>Sets party <paramref name="p"/>'s red lines: firm ones with their hazard and Exp(1) exposure (NaN = soft).</summary>
    public void Set(int p, double[] hazard, double[] exposure)
    {
        _hazard[p] = hazard;
        _remaining[p] = exposure;
        _since[p] = new double[hazard.Length];
        FirmUntil[p] = [.. hazard.Select((h, r) => double.IsNaN(exposure[r]) ? 0
            : h <= 0 ? double.PositiveInfinity
            : h >= 1 ? 0
            : 7.0 * exposure[r] / -Math.Log(1 - h))];
    }

    /// <summary>From <paramref name="day"/> on, party <paramref name="p"/>'s still-firm red lines soften with hazard raised by <paramref name="boost"/>.</summary>
    public void Boost(int p, double day, double boost)
    {
        for (var r = 0; r < _hazard[p].Length; r++)
        {
            var old = _hazard[p][r];
            var h = Math.Min(1, old + boost);
            _hazard[p][r] = h;
            if (FirmUntil[p][r] <= day)
            {
                continue;
            }

            if (old > 0)
            {
                _remaining[p][r] -= -Math.Log(1 - old) * (day - _since[p][r]) / 7.0;
            }

            _since[p][r] = day;
            FirmUntil[p][r] = h >= 1 ? day : h <= 0 ? double.PositiveInfinity : day + (7.0 * Math.Max(0, _remaining[p][r]) / -Math.Log(1 - h));
        }
    }
}
