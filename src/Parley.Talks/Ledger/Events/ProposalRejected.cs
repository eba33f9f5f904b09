namespace Parley.Talks.Ledger;

/// <summary>A party rejected a proposal.</summary>
/// <param name="Proposal">Proposal id.</param>
/// <param name="Party">Rejecting party.</param>
/// <param name="Reason">Why (may be empty).</param>
public sealed record ProposalRejected(string Proposal, string Party, string Reason) : TalksEvent;
