namespace Parley;

/// <summary>
/// The core's one seedable random source (SplitMix64, Steele, Lea &amp; Flood 2014): fully specified, so seeded
/// runs give the same numbers on every platform and .NET version. Streams are derived from (seed, run index,
/// purpose) by hashing, never drawn from one shared stream, so a run's numbers do not depend on which thread
/// or machine ran it, nor on how many other runs came before. A mutable struct: pass it by <c>ref</c>.
/// </summary>
internal struct SplitMix64
{
    private const ulong Gamma = 0x9E3779B97F4A7C15UL;
    private ulong _state;

    public SplitMix64(ulong seed) => _state = seed;

    /// <summary>An independent stream for (seed, index, purpose): hashes the three through the mixer.</summary>
    public static SplitMix64 For(ulong seed, long index, ulong purpose = 0) =>
        new(Mix(Mix(Mix(seed) ^ (ulong)index) + (purpose * Gamma)));

    /// <summary>
    /// The forecast lens's stream for (seed, index): seeds the generator with the first output of a generator
    /// seeded by <c>seed ^ γ·(index + 1)</c>. Kept as it was first published so that forecast seeds reproduce.
    /// </summary>
    public static SplitMix64 Derive(ulong seed, ulong index) =>
        new(Mix((seed ^ (Gamma * (index + 1))) + Gamma));

    /// <summary>A child stream for a purpose, derived from this stream's current state without advancing it.</summary>
    public readonly SplitMix64 Fork(ulong purpose) => new(Mix(_state ^ Mix(purpose + Gamma)));

    public static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    public ulong NextULong()
    {
        _state += Gamma;
        return Mix(_state);
    }

    /// <summary>Uniform in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextULong() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform in (0, 1): never exactly zero, so it is safe under a logarithm.</summary>
    public double NextOpen() => ((NextULong() >> 11) + 0.5) * (1.0 / (1UL << 53));

    /// <summary>Uniform integer in [0, n).</summary>
    public int NextInt(int n) => n <= 1 ? 0 : (int)((NextULong() >> 1) % (ulong)n);

    /// <summary>Uniform integer in [0, n).</summary>
    public long NextLong(long n) => n <= 1 ? 0 : (long)((NextULong() >> 1) % (ulong)n);

    public bool Bernoulli(double p) => NextDouble() < p;

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

    /// <summary>Standard normal (Box–Muller; uses two uniforms, keeps no cached value so streams stay simple).</summary>
    public double NextNormal() => Math.Sqrt(-2.0 * Math.Log(NextOpen())) * Math.Cos(2.0 * Math.PI * NextDouble());

    /// <summary>Gamma(shape, 1) by Marsaglia &amp; Tsang (2000); boosts shapes below 1.</summary>
    public double NextGamma(double shape)
    {
        if (shape < 1)
        {
            return NextGamma(shape + 1) * Math.Pow(NextOpen(), 1.0 / shape);
        }

        var d = shape - (1.0 / 3.0);
        var c = 1.0 / Math.Sqrt(9 * d);
        while (true)
        {
            double x, v;
            do
            {
                x = NextNormal();
                v = 1 + (c * x);
            }
            while (v <= 0);

            v = v * v * v;
            var u = NextOpen();
            if (Math.Log(u) < (0.5 * x * x) + d - (d * v) + (d * Math.Log(v)))
            {
                return d * v;
            }
        }
    }
}
