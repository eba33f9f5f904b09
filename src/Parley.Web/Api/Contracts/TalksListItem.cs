namespace Parley.Web.Api.Contracts;

/// <summary>A row of the public talks list.</summary>
/// <param name="Id">Talks id.</param>
/// <param name="Title">Title.</param>
/// <param name="CreatedAt">When it was opened.</param>
public sealed record TalksListItem(
    string Id,
    string Title,
    DateTimeOffset CreatedAt);
