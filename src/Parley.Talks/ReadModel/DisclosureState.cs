using Parley.Talks.Ledger;

namespace Parley.Talks.ReadModel;

/// <summary>A disclosure to the mediator (private to the party and the mediator).</summary>
/// <param name="Party">Disclosing party.</param>
/// <param name="Disclosure">What was disclosed.</param>
/// <param name="At">When.</param>
public sealed record DisclosureState(string Party, Disclosure Disclosure, DateTimeOffset At);
