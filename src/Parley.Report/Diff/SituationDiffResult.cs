using Parley.Scenarios.Diff;

namespace Parley.Report.Diff;

/// <summary>What changed between two versions of a situation: in the scenario, and in the findings of every lens.</summary>
/// <param name="Old">Name of the older version.</param>
/// <param name="New">Name of the newer version.</param>
/// <param name="Runs">Simulated runs per outlook computation.</param>
/// <param name="Seed">The seed.</param>
/// <param name="By">The outlook date given, or null when each version used its own.</param>
/// <param name="Changes">The scenario changes, in <see cref="ScenarioDiff.Compare"/> order.</param>
/// <param name="Findings">Every finding of both versions, moved or not, in lens order (stability, agreement, outlook, forecast).</param>
public sealed record SituationDiffResult(
    string Old,
    string New,
    int Runs,
    int Seed,
    DateOnly? By,
    IReadOnlyList<DiffChange> Changes,
    IReadOnlyList<FindingChange> Findings)
{
    /// <summary>The findings that moved.</summary>
    public IEnumerable<FindingChange> Moved => Findings.Where(f => f.Moved);

    /// <summary>Always said with Parley's numbers.</summary>
    public const string Illustrative = "Illustrative inputs give illustrative outputs.";
}

/// <summary>A scenario change as the diff reports it, numbered, with whether it can be applied alone to the older version.</summary>
/// <param name="Index">1-based position in the change list (what <see cref="Attribution.Change"/> refers to).</param>
/// <param name="Kind">Added, removed or changed.</param>
/// <param name="Element">The element kind.</param>
/// <param name="Path">The element path, e.g. <c>preferences.RU.red_lines.RU-donbas</c>.</param>
/// <param name="Before">The older value in words, null when added.</param>
/// <param name="After">The newer value in words, null when removed.</param>
/// <param name="NotAlone">Why the older version with this change alone is not a valid scenario; null when it is.</param>
public sealed record DiffChange(int Index, ChangeKind Kind, ScenarioElement Element, string Path, string? Before, string? After, string? NotAlone);
