using Parley.Model;

namespace Parley.Talks.Ledger;

/// <summary>A stage closed, as achieved or failed.</summary>
/// <param name="Stage">Stage id.</param>
/// <param name="Outcome"><see cref="StageStatus.Done"/> or <see cref="StageStatus.Failed"/>.</param>
/// <param name="Reason">Why (may be empty).</param>
public sealed record StageClosed(string Stage, StageStatus Outcome, string Reason) : TalksEvent;
