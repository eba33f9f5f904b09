using Parley.Talks.Access;

namespace Parley.Talks.Service;

/// <summary>A token as issued (the only time its text is known).</summary>
/// <param name="Id">Its public id (<see cref="Tokens.Id"/>): name it to rotate or revoke it.</param>
/// <param name="Kind">Role.</param>
/// <param name="Party">Party, for a delegation token.</param>
/// <param name="Label">Who it is for.</param>
/// <param name="Token">The bearer token.</param>
public sealed record IssuedToken(string Id, RoleKind Kind, string? Party, string Label, string Token);
