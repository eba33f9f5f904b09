using Parley.Model;

namespace Parley.Talks.ReadModel;

/// <summary>A stage as the ledger says it stands.</summary>
public sealed class StageState
{
    internal StageState(Stage stage) => Spec = stage;

    internal Stage Spec { get; }

    /// <summary>Stage id.</summary>
    public string Id => Spec.Id;

    /// <summary>Description.</summary>
    public string Name => Spec.Name;

    /// <summary>Parties at the table.</summary>
    public IReadOnlyList<string> Participants => Spec.Participants;

    /// <summary>Stages that must be done first.</summary>
    public IReadOnlyList<string> After => Spec.After;

    /// <summary>Issues on its agenda.</summary>
    public IReadOnlyList<string> Agenda => Spec.Agenda;

    /// <summary>Pending, open, done or failed.</summary>
    public StageStatus Status { get; internal set; } = StageStatus.Pending;

    /// <summary>True once a deadline's stall consequence hit this stage.</summary>
    public bool Stalled { get; internal set; }

    /// <summary>Participants that agreed it succeeded (it closes as done when all have).</summary>
    /// <remarks>Stage contents: not shown with the timeline; the agreements are ledger events under the policy.</remarks>
    internal SortedSet<string> DoneAgreedBy { get; } = new(StringComparer.Ordinal);

    /// <summary>Why it closed or stalled (may be empty).</summary>
    public string Note { get; internal set; } = "";
}
