namespace Parley.Talks.Service;

/// <summary>Talks just opened and the tokens issued for them (shown once; only hashes are stored).</summary>
/// <param name="Id">Talks id.</param>
/// <param name="Tokens">One token per role.</param>
public sealed record CreatedTalks(string Id, IReadOnlyList<IssuedToken> Tokens);
