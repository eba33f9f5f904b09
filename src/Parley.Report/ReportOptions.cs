namespace Parley.Report;

/// <summary>What the user asked for beyond the scenario: Monte Carlo runs, seed and the outlook date.</summary>
/// <param name="Runs">Simulated runs for the outlook (≥ 1).</param>
/// <param name="Seed">Seed for every sampled quantity; same seed, same briefing.</param>
/// <param name="By">The date the outlook asks about, or null for the scenario's last deadline.</param>
internal sealed record ReportOptions(int Runs, int Seed, DateOnly? By)
{
    public const int DefaultRuns = 1000;
    public const int DefaultSeed = 1;

    /// <summary>The defaults used when no flag is given.</summary>
    public static ReportOptions Default { get; } = new(DefaultRuns, DefaultSeed, null);
}
