using Parley.Talks.Service;

namespace Parley.Web.Api.Contracts;

/// <summary>Talks just opened, with one token per role (shown this once).</summary>
/// <param name="Id">Talks id.</param>
/// <param name="Tokens">The tokens.</param>
public sealed record OpenedTalksResponse(
    string Id,
    IReadOnlyList<IssuedToken> Tokens);
