namespace Parley.Report.Diff;

/// <summary>How <see cref="SituationDiff.Compare"/> computes the findings of both versions. Immutable; thread-safe.</summary>
public sealed record DiffOptions
{
    /// <summary>The defaults of <c>parley report</c>: 1,000 runs, seed 1, each version's own outlook date.</summary>
    public static DiffOptions Default { get; } = new();

    /// <summary>Simulated runs for the outlook (as <c>parley report --runs</c>; default 1,000). Every re-computation uses the same count.</summary>
    public int Runs { get; init; } = ReportOptions.DefaultRuns;

    /// <summary>Seed for everything sampled (as <c>parley report --seed</c>; default 1): same seed, same diff.</summary>
    public int Seed { get; init; } = ReportOptions.DefaultSeed;

    /// <summary>The outlook date for both versions; null (default) asks each version about its own date, as <c>parley simulate</c> picks it (its focus stage's deadline).</summary>
    public DateOnly? By { get; init; }

    /// <summary>Names of the two versions (file names), echoed in the result and used in the lenses' messages.</summary>
    public string OldName { get; init; } = "old";

    /// <summary>See <see cref="OldName"/>.</summary>
    public string NewName { get; init; } = "new";

    /// <summary>Called with (what is being computed, fraction done in [0, 1]) as the work goes on; may be null. Called on the caller's thread.</summary>
    public Action<string, double>? Progress { get; init; }
}
