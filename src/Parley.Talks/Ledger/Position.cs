namespace Parley.Talks.Ledger;

/// <summary>
/// A party's private position: the same content as a scenario's <c>preferences:</c> entry, keyed by
/// issue id so that it reads well as JSON. Never shown to anyone but the party (and, for what the
/// party disclosed, the mediator).
/// </summary>
/// <param name="Weights">Issue id → raw weight (≥ 0).</param>
/// <param name="Scores">Issue id → score per option, in option order.</param>
/// <param name="Reservation">Reservation value (utility of the BATNA) on the scenario's scale.</param>
/// <param name="RedLines">Hard constraints.</param>
/// <param name="Notes">Private notes (free text, may be empty).</param>
public sealed record Position(
    IReadOnlyDictionary<string, double> Weights,
    IReadOnlyDictionary<string, IReadOnlyList<double>> Scores,
    double Reservation,
    IReadOnlyList<PositionRedLine> RedLines,
    string Notes = "");
