namespace Parley.Negotiation.Simulation;

/// <summary>A proportion with its Wilson score interval (Wilson 1927), which behaves well near 0 and 1.</summary>
/// <param name="Successes">Runs where the event happened.</param>
/// <param name="Trials">Runs.</param>
/// <param name="P">Estimate k/n.</param>
/// <param name="Low">Lower bound of the 95% interval.</param>
/// <param name="High">Upper bound of the 95% interval.</param>
public sealed record Proportion(long Successes, long Trials, double P, double Low, double High)
{
    /// <summary>z for a two-sided 95% interval.</summary>
    public const double Z95 = 1.959963984540054;

    /// <summary>k out of n with the Wilson 95% interval: (p̂ + z²/2n ± z·√(p̂(1 − p̂)/n + z²/4n²)) / (1 + z²/n).</summary>
    public static Proportion Of(long successes, long trials)
    {
        if (trials <= 0)
        {
            return new Proportion(0, 0, double.NaN, 0, 1);
        }

        var n = (double)trials;
        var p = successes / n;
        const double z2 = Z95 * Z95;
        var centre = p + (z2 / (2 * n));
        var half = Z95 * Math.Sqrt((p * (1 - p) / n) + (z2 / (4 * n * n)));
        var denominator = 1 + (z2 / n);
        return new Proportion(successes, trials, p, Math.Max(0, (centre - half) / denominator), Math.Min(1, (centre + half) / denominator));
    }
}
