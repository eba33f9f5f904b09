namespace Parley.Talks.Ledger;

/// <summary>A party gave, changed or revoked (<see cref="BlindConsent.None"/>) its consent to blind checks. Seen by the party and the mediator.</summary>
/// <param name="Party">The consenting party.</param>
/// <param name="Consent">What the service may now compute with.</param>
public sealed record BlindConsentSet(string Party, BlindConsent Consent) : TalksEvent;
