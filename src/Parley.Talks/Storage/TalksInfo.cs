namespace Parley.Talks.Storage;

/// <summary>A row of the talks list (public data only).</summary>
/// <param name="Id">Talks id.</param>
/// <param name="Title">Title.</param>
/// <param name="CreatedAt">When it was opened.</param>
/// <param name="Version">Current stream version.</param>
public sealed record TalksInfo(string Id, string Title, DateTimeOffset CreatedAt, long Version);
