using Parley.Talks.Access;

namespace Parley.Web.Api.Contracts;

/// <summary>A token as the organiser sees it: never the token, only its id.</summary>
/// <param name="Id">Token id (rotate or revoke by it).</param>
/// <param name="Kind">Role.</param>
/// <param name="Party">Party of a delegation token.</param>
/// <param name="Label">Who it is for.</param>
/// <param name="Revoked">True once revoked.</param>
public sealed record TokenView(
    string Id,
    RoleKind Kind,
    string? Party,
    string Label,
    bool Revoked);
