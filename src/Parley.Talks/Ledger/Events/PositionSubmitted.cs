namespace Parley.Talks.Ledger;

/// <summary>A party submitted its private position (preferences, reservation value, red lines). Private to that party.</summary>
/// <param name="Party">Whose position.</param>
/// <param name="Position">The position.</param>
public sealed record PositionSubmitted(string Party, Position Position) : TalksEvent;
