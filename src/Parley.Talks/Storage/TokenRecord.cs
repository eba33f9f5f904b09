using Parley.Talks.Access;

namespace Parley.Talks.Storage;

/// <summary>A stored access token: never the token itself, only its SHA-256.</summary>
/// <param name="Hash">Lower-case hex SHA-256 of the token's UTF-8 text.</param>
/// <param name="TalksId">The talks it opens.</param>
/// <param name="Kind">Role of its holder.</param>
/// <param name="Party">The party (for a party or mediator delegation), else null.</param>
/// <param name="Label">Who it was issued to (for the secretariat's records).</param>
public sealed record TokenRecord(string Hash, string TalksId, RoleKind Kind, string? Party, string Label);
