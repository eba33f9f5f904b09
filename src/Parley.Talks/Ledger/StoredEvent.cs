namespace Parley.Talks.Ledger;

/// <summary>An event as stored: its position in the talks' stream, who appended it and when.</summary>
/// <param name="TalksId">The talks.</param>
/// <param name="Version">1-based position in the talks' stream (gap-free).</param>
/// <param name="Actor">Who appended it (<c>party:RU</c>, <c>mediator:US</c>, <c>system</c>).</param>
/// <param name="At">When the server accepted it.</param>
/// <param name="Event">The event.</param>
public sealed record StoredEvent(string TalksId, long Version, string Actor, DateTimeOffset At, TalksEvent Event);
