namespace Parley.Talks.Ledger;

/// <summary>A statement: public ones are seen by everyone, private ones by the parties and the mediator only.</summary>
/// <param name="Statement">Statement id.</param>
/// <param name="Party">Issuing party.</param>
/// <param name="Text">The statement.</param>
/// <param name="Public">True for a public statement.</param>
public sealed record StatementIssued(string Statement, string Party, string Text, bool Public) : TalksEvent
{
    /// <inheritdoc />
    public override string TypeName => "statement-issued";
}
