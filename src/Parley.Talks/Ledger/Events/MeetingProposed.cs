namespace Parley.Talks.Ledger;

/// <summary>A meeting was proposed for a stage at a venue.</summary>
/// <param name="Meeting">Meeting id.</param>
/// <param name="Stage">Stage id.</param>
/// <param name="Venue">Venue id.</param>
/// <param name="Date">Proposed day, if any.</param>
public sealed record MeetingProposed(string Meeting, string Stage, string Venue, DateOnly? Date) : TalksEvent;
