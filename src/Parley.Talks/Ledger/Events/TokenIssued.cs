using Parley.Talks.Access;

namespace Parley.Talks.Ledger;

/// <summary>An access token was issued (the organiser alone sees token events; never the token itself).</summary>
/// <param name="Token">Token id (a prefix of its hash, <see cref="Tokens.Id"/>).</param>
/// <param name="Kind">Role it stands for.</param>
/// <param name="Party">Party of a delegation token, else null.</param>
/// <param name="Label">Human label.</param>
public sealed record TokenIssued(string Token, RoleKind Kind, string? Party, string Label) : TalksEvent;
