namespace Parley.Talks.Ledger;

/// <summary>A party signed the agreement embodied in an accepted proposal.</summary>
/// <param name="Proposal">Proposal id.</param>
/// <param name="Party">Signing party.</param>
public sealed record AgreementSigned(string Proposal, string Party) : TalksEvent;
