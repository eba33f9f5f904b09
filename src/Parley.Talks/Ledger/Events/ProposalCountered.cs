namespace Parley.Talks.Ledger;

/// <summary>A party countered a proposal with another package.</summary>
/// <param name="Proposal">New proposal id.</param>
/// <param name="Party">Countering party, or null when the mediator countered.</param>
/// <param name="Stage">Stage, or null.</param>
/// <param name="Package">Issue id → option id.</param>
/// <param name="Note">Free text (may be empty).</param>
/// <param name="CounterTo">The proposal being countered.</param>
public sealed record ProposalCountered(string Proposal, string? Party, string? Stage, IReadOnlyDictionary<string, string> Package, string Note, string CounterTo) : TalksEvent;
