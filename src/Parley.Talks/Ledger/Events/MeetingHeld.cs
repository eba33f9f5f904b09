namespace Parley.Talks.Ledger;

/// <summary>A scheduled meeting took place.</summary>
/// <param name="Meeting">Meeting id.</param>
/// <param name="Summary">Summary for the participants (contents visibility).</param>
public sealed record MeetingHeld(string Meeting, string Summary) : TalksEvent;
