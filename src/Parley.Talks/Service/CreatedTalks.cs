namespace Parley.Talks.Service;

/// <summary>Talks opened (or found) and the tokens issued for them now (shown once; only hashes are stored).</summary>
/// <param name="Id">Talks id.</param>
/// <param name="Tokens">The tokens issued by this call: one per role for new talks; none for existing talks unless asked.</param>
/// <param name="Existing">True when the talks were already there.</param>
public sealed record CreatedTalks(string Id, IReadOnlyList<IssuedToken> Tokens, bool Existing = false);
