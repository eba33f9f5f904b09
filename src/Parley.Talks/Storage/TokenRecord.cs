using Parley.Talks.Access;

namespace Parley.Talks.Storage;

/// <summary>A stored access token: never the token itself, only its SHA-256.</summary>
/// <param name="Hash">Lower-case hex SHA-256 of the token's UTF-8 text.</param>
/// <param name="TalksId">The talks it opens (<see cref="AnyTalks"/> for the organiser's).</param>
/// <param name="Kind">Role of its holder.</param>
/// <param name="Party">The party of a delegation token, else null.</param>
/// <param name="Label">Who it was issued to (for the secretariat's records).</param>
/// <param name="Revoked">True once revoked: it then answers 401.</param>
public sealed record TokenRecord(string Hash, string TalksId, RoleKind Kind, string? Party, string Label, bool Revoked = false)
{
    /// <summary>The talks id of the organiser's token, which opens every talks.</summary>
    public const string AnyTalks = "*";

    /// <summary>The token's public id (<see cref="Tokens.Id"/>).</summary>
    public string Id => Tokens.Id(Hash);
}
