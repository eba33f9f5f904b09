using Parley.Talks.Ledger;

namespace Parley.Web.Api.Contracts;

/// <summary>A ledger event as the caller may see it.</summary>
/// <param name="Version">Position in the ledger.</param>
/// <param name="Type">Event type.</param>
/// <param name="Actor">Who appended it.</param>
/// <param name="At">When.</param>
/// <param name="Event">The event (its fields, with <c>type</c>).</param>
public sealed record EventView(
    long Version,
    string Type,
    string Actor,
    DateTimeOffset At,
    TalksEvent Event);
