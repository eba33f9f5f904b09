namespace Parley.Talks.Ledger;

/// <summary>Whoever tabled a proposal took it back: it can no longer be answered or signed.</summary>
/// <param name="Proposal">Proposal id.</param>
/// <param name="Reason">Free text (may be empty).</param>
public sealed record ProposalWithdrawn(string Proposal, string Reason) : TalksEvent;
