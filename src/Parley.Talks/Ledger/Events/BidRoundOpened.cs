namespace Parley.Talks.Ledger;

/// <summary>A blind bidding round on a number opened in a stage; every participant of the stage bids. Stage contents.</summary>
/// <param name="Round">Round id (<c>S7.mediator.B1</c>): counts its opener's rounds in the stage.</param>
/// <param name="Stage">The stage.</param>
/// <param name="Subject">What the number is (a numeric issue's name, or free text such as "troop ceiling").</param>
/// <param name="Issue">The numeric issue it settles, or null for a free quantity.</param>
/// <param name="Min">Smallest admissible bid.</param>
/// <param name="Max">Largest admissible bid.</param>
/// <param name="Unit">Unit (may be empty).</param>
/// <param name="Bidders">Who must bid before it settles.</param>
public sealed record BidRoundOpened(string Round, string Stage, string Subject, string? Issue, double Min, double Max, string Unit, IReadOnlyList<string> Bidders) : TalksEvent;
