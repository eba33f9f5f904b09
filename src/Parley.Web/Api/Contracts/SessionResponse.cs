using Parley.Talks.Access;

namespace Parley.Web.Api.Contracts;

/// <summary>Who a token stands for.</summary>
/// <param name="TalksId">The talks it opens.</param>
/// <param name="Role">Role.</param>
/// <param name="Party">Party, for party and mediator tokens.</param>
/// <param name="Label">Who it was issued to.</param>
public sealed record SessionResponse(
    string TalksId,
    RoleKind Role,
    string? Party,
    string Label);
