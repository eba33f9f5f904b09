namespace Parley.Talks.Ledger;

/// <summary>A statement: public ones at the policy's <c>statements</c> level, private ones as stage contents (<see cref="Access.VisibilityPolicy"/>).</summary>
/// <param name="Statement">Statement id.</param>
/// <param name="Party">Issuing party, or null for the mediator.</param>
/// <param name="Text">The statement.</param>
/// <param name="Public">True for a public statement.</param>
/// <param name="Stage">For a private statement, the stage whose participants it is for (null: the talks as a whole).</param>
public sealed record StatementIssued(string Statement, string? Party, string Text, bool Public, string? Stage = null) : TalksEvent;
