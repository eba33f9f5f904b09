namespace Parley.Talks.Ledger;

/// <summary>A party disclosed part of its position to the mediator. Seen by that party and the mediator only.</summary>
/// <param name="Party">Disclosing party.</param>
/// <param name="Disclosure">What was disclosed (a copy taken when disclosed).</param>
public sealed record DisclosedToMediator(string Party, Disclosure Disclosure) : TalksEvent;
