namespace Parley.Talks.Ledger;

/// <summary>A party appointed a negotiator.</summary>
/// <param name="Party">The appointing party.</param>
/// <param name="Name">The negotiator.</param>
/// <param name="Role">Their role (e.g. head of delegation); may be empty.</param>
public sealed record NegotiatorAppointed(string Party, string Name, string Role) : TalksEvent;
