namespace Parley.Talks.Ledger;

/// <summary>
/// What a party disclosed to the mediator: a copy of the chosen parts of its position at the time of
/// disclosure (a later change of position does not change what was disclosed). Null parts were not disclosed.
/// </summary>
/// <param name="Weights">Disclosed weights, or null.</param>
/// <param name="Scores">Disclosed option scores, or null.</param>
/// <param name="Reservation">Disclosed reservation value, or null.</param>
/// <param name="RedLines">Disclosed red lines, or null.</param>
/// <param name="Note">A message to the mediator (may be empty).</param>
public sealed record Disclosure(
    IReadOnlyDictionary<string, double>? Weights,
    IReadOnlyDictionary<string, IReadOnlyList<double>>? Scores,
    double? Reservation,
    IReadOnlyList<PositionRedLine>? RedLines,
    string Note = "");
