namespace Parley.Talks.Ledger;

/// <summary>A stage of the process opened.</summary>
/// <param name="Stage">Stage id.</param>
public sealed record StageOpened(string Stage) : TalksEvent;
