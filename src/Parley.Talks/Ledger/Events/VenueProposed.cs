namespace Parley.Talks.Ledger;

/// <summary>A venue was put forward.</summary>
/// <param name="Venue">Venue id.</param>
/// <param name="Name">Place.</param>
public sealed record VenueProposed(string Venue, string Name) : TalksEvent;
