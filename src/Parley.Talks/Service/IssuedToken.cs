using Parley.Talks.Access;

namespace Parley.Talks.Service;

/// <summary>A token as issued (the only time its text is known).</summary>
/// <param name="Kind">Role.</param>
/// <param name="Party">Party, for party and mediator tokens.</param>
/// <param name="Label">Who it is for.</param>
/// <param name="Token">The bearer token.</param>
public sealed record IssuedToken(RoleKind Kind, string? Party, string Label, string Token);
