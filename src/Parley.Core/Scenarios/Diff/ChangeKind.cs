namespace Parley.Scenarios.Diff;

/// <summary>What happened to an element between two versions of a scenario.</summary>
public enum ChangeKind
{
    /// <summary>The element is new in the later version.</summary>
    Added,

    /// <summary>The element is gone from the later version.</summary>
    Removed,

    /// <summary>The element is in both versions with a different value.</summary>
    Changed,
}
