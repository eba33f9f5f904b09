namespace Parley.Forecast;

/// <summary>
/// The history of an SMP run. <see cref="Positions"/>[t][i][d] is actor i's position on dimension d at turn t,
/// on the input's 0–100 scale; turn 0 is the input. <see cref="Probabilities"/>[t][i] is the probability that
/// actor i's position (or an equivalent one) wins at turn t, as KTAB prints it.
/// </summary>
internal sealed record ForecastResult(
    ForecastInput Input,
    SmpOptions Options,
    IReadOnlyList<double[][]> Positions,
    IReadOnlyList<double[]> Probabilities,
    IReadOnlyList<double> FractionalChanges,
    string StopReason)
{
    /// <summary>Number of states, including the initial one (KTAB's "There were N states").</summary>
    public int Turns => Positions.Count;

    /// <summary>Steps between states.</summary>
    public int Steps => Positions.Count - 1;

    /// <summary>The final positions.</summary>
    public double[][] Final => Positions[^1];
}
