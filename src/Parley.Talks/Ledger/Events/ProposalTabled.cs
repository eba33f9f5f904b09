namespace Parley.Talks.Ledger;

/// <summary>A party tabled a package (one option per issue it covers).</summary>
/// <param name="Proposal">Proposal id.</param>
/// <param name="Party">Tabling party, or null when the mediator tabled it.</param>
/// <param name="Stage">Stage it was tabled in, or null.</param>
/// <param name="Package">Issue id → option id.</param>
/// <param name="Note">Free text (may be empty).</param>
/// <param name="CounterTo">The proposal this one counters, or null.</param>
public sealed record ProposalTabled(string Proposal, string? Party, string? Stage, IReadOnlyDictionary<string, string> Package, string Note, string? CounterTo) : TalksEvent;
