namespace Parley.Negotiation;

/// <summary>An offer made at the table.</summary>
/// <param name="Round">Round in which it was made.</param>
/// <param name="Party">Position at the table of the party that made it.</param>
/// <param name="Package">The package.</param>
internal readonly record struct OfferRecord(int Round, int Party, long Package);
