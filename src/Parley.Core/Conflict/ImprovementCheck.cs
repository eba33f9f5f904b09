namespace Parley.Conflict;

/// <summary>
/// One improvement of the focal player and what (if anything) deters it: <see cref="Sanction"/> is the
/// opponents' move path (for SIM: their simultaneous moves, each from the original state) and
/// <see cref="Outcome"/> the state it ends in; both null when the improvement is not deterred.
/// </summary>
internal sealed record ImprovementCheck(int To, IReadOnlyList<MoveStep>? Sanction, int? Outcome);
