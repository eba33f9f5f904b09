namespace Parley.Web.Api.Contracts;

/// <summary>Issue a statement.</summary>
/// <param name="Text">The statement.</param>
/// <param name="Public">True for public (everyone sees it); false for the parties and the mediator only.</param>
public sealed record StatementRequest(
    string Text,
    bool Public);
