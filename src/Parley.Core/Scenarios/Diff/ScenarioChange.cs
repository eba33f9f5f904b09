using Parley.Model;

namespace Parley.Scenarios.Diff;

/// <summary>
/// One difference between two versions of a scenario, found by <see cref="ScenarioDiff.Compare"/> by element id.
/// Each change can be applied alone to the older version (<see cref="ScenarioDiff.Apply"/>), which is how the findings
/// diff names the change that moved a finding most. Equality ignores the patch.
/// </summary>
/// <param name="Kind">Added, removed or changed.</param>
/// <param name="Element">What kind of element.</param>
/// <param name="Path">Where, with the file's keys and element ids: <c>preferences.RU.red_lines.RU-donbas</c>, <c>process.stages.S2.status</c>.</param>
/// <param name="Before">The older value in words (as it would be written in the file); null for an added element.</param>
/// <param name="After">The newer value in words; null for a removed element.</param>
public sealed record ScenarioChange(ChangeKind Kind, ScenarioElement Element, string Path, string? Before, string? After)
{
    /// <summary>The top-level section: <c>scenario</c> (id, title, description, scale), <c>parties</c>, <c>issues</c>, <c>preferences</c>, <c>conflict</c>, <c>process</c>, <c>simulation</c> or <c>forecast</c>.</summary>
    public string Section => Path.Split('.', 2)[0] is var head && head is "id" or "title" or "description" or "scale" ? "scenario" : head;

    /// <summary>Rewrites a scenario with this change alone; throws <see cref="ChangeNotApplicableException"/> when it lacks what the change edits.</summary>
    internal Func<Scenario, Scenario>? Patch { get; init; }

    /// <summary>The change in words: <c>process.stages.S2.status changed: open → done</c>.</summary>
    public string Describe() => Kind switch
    {
        ChangeKind.Added => $"{Path} added: {After}",
        ChangeKind.Removed => $"{Path} removed (was {Before})",
        _ => $"{Path} changed: {Before} → {After}",
    };

    /// <inheritdoc />
    public bool Equals(ScenarioChange? other) =>
        other is not null && Kind == other.Kind && Element == other.Element && Path == other.Path && Before == other.Before && After == other.After;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Kind, Element, Path, Before, After);

    /// <inheritdoc />
    public override string ToString() => Describe();
}
