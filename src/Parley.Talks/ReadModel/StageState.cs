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

    /// <summary>Why it closed or stalled (may be empty).</summary>
    public string Note { get; internal set; } = "";
}
