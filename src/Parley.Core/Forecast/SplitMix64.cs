namespace Parley.Forecast;

/// <summary>
/// A tiny, fully specified PRNG (Steele, Lea &amp; Flood 2014) so that seeded runs give the same numbers on
/// every platform and .NET version. Per-run generators come from <see cref="Derive"/>(seed, index).
/// </summary>
internal sealed class SplitMix64(ulong seed)
{
    private ulong _state = seed;

    public static SplitMix64 Derive(ulong seed, ulong index)
    {
        var mixer = new SplitMix64(seed ^ (0x9E3779B97F4A7C15UL * (index + 1)));
        return new SplitMix64(mixer.Next());
    }

    public ulong Next()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Uniform on [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (Next() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Index drawn with the given probabilities (which sum to 1).</summary>
    public int Select(ReadOnlySpan<double> probabilities)
    {
        var u = NextDouble();
        var cumulative = 0.0;
        for (var i = 0; i < probabilities.Length; i++)
        {
            cumulative += probabilities[i];
            if (u < cumulative)
            {
                return i;
            }
        }

        return probabilities.Length - 1;
    }
}
