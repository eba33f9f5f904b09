namespace Parley.Talks.Ledger;

/// <summary>An access token was revoked: from now on it answers 401.</summary>
/// <param name="Token">Token id (<see cref="Access.Tokens.Id"/>).</param>
/// <param name="Reason">Why (e.g. "rotated").</param>
public sealed record TokenRevoked(string Token, string Reason) : TalksEvent;
