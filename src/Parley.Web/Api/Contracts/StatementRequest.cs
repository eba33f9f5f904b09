namespace Parley.Web.Api.Contracts;

/// <summary>Issue a statement.</summary>
/// <param name="Text">The statement.</param>
/// <param name="Public">True for public (at the policy's <c>statements</c> level); false for a private one (stage contents).</param>
/// <param name="Stage">For a private statement, the stage whose participants it is for (absent: the talks as a whole).</param>
public sealed record StatementRequest(
    string? Text,
    bool Public,
    string? Stage = null);
