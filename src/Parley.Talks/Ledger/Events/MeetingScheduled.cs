namespace Parley.Talks.Ledger;

/// <summary>A proposed meeting was confirmed (every participant accepted its venue).</summary>
/// <param name="Meeting">Meeting id.</param>
public sealed record MeetingScheduled(string Meeting) : TalksEvent;
