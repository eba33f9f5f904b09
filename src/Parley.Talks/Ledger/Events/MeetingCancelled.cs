namespace Parley.Talks.Ledger;

/// <summary>A meeting was cancelled.</summary>
/// <param name="Meeting">Meeting id.</param>
/// <param name="Reason">Why (may be empty).</param>
public sealed record MeetingCancelled(string Meeting, string Reason) : TalksEvent;
