using Parley.Talks.Ledger;

namespace Parley.Talks.Service;

/// <summary>A ledger event as one caller sees it.</summary>
/// <param name="Version">The caller's sequence number of the event: it counts only events this caller sees.</param>
/// <param name="Type">Event type.</param>
/// <param name="Actor">Who appended it.</param>
/// <param name="At">When.</param>
/// <param name="Event">The event (its fields, with <c>type</c>), redacted where the caller sees only the fact.</param>
public sealed record EventView(
    long Version,
    string Type,
    string Actor,
    DateTimeOffset At,
    TalksEvent Event);
