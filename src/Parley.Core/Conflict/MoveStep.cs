namespace Parley.Conflict;

/// <summary>One move in a path: <see cref="Player"/> (index into the analysis' players) moves to state <see cref="To"/>.</summary>
internal readonly record struct MoveStep(int Player, int To);
