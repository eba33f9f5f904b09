namespace Parley.Talks.Ledger;

/// <summary>A party rejected a venue.</summary>
/// <param name="Venue">Venue id.</param>
/// <param name="Party">Rejecting party.</param>
public sealed record VenueRejected(string Venue, string Party) : TalksEvent;
