namespace Parley.Talks.Ledger;

/// <summary>A party accepted a proposal.</summary>
/// <param name="Proposal">Proposal id.</param>
/// <param name="Party">Accepting party.</param>
public sealed record ProposalAccepted(string Proposal, string Party) : TalksEvent;
