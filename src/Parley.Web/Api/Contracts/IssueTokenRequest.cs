using Parley.Talks.Access;

namespace Parley.Web.Api.Contracts;

/// <summary>Issue a token of a talks (the organiser only).</summary>
/// <param name="Kind">party, mediator or observer.</param>
/// <param name="Party">For a party delegation: the party id.</param>
/// <param name="Label">Who it is for (default: the role's name).</param>
public sealed record IssueTokenRequest(
    RoleKind Kind,
    string? Party,
    string? Label);
