namespace Parley.Talks.Ledger;

/// <summary>The mediator tabled (round 1) or revised a stage's single negotiating text. Stage contents.</summary>
/// <param name="Stage">The stage.</param>
/// <param name="Round">Round number (1, 2, …).</param>
/// <param name="Package">Issue id → option id.</param>
/// <param name="Note">Free text (may be empty).</param>
public sealed record SingleTextTabled(string Stage, int Round, IReadOnlyDictionary<string, string> Package, string Note) : TalksEvent;
