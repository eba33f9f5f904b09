namespace Parley.Talks.Ledger;

/// <summary>The mediator sent a round of the single text to signature: it was tabled as <paramref name="Proposal"/> in the same append. Stage contents.</summary>
/// <param name="Stage">The stage.</param>
/// <param name="Round">The round sent.</param>
/// <param name="Proposal">The proposal it became (signed under the stage's rules).</param>
public sealed record SingleTextSubmitted(string Stage, int Round, string Proposal) : TalksEvent;
