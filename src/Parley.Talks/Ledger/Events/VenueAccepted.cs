namespace Parley.Talks.Ledger;

/// <summary>A party accepted a venue.</summary>
/// <param name="Venue">Venue id.</param>
/// <param name="Party">Accepting party.</param>
public sealed record VenueAccepted(string Venue, string Party) : TalksEvent;
