namespace Parley.Talks.Service;

/// <summary>A page of a caller's share of the ledger.</summary>
/// <param name="Events">Events in order.</param>
/// <param name="Version">The caller's view version when the page was read.</param>
/// <param name="Next">The cursor (the caller's sequence number) to read on from, or null at the end.</param>
public sealed record EventPage(IReadOnlyList<EventView> Events, long Version, long? Next);
