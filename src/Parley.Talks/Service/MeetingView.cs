using Parley.Talks.ReadModel;

namespace Parley.Talks.Service;

/// <summary>A meeting as a caller sees it.</summary>
/// <param name="Id">Meeting id.</param>
/// <param name="Stage">Stage id.</param>
/// <param name="Venue">Venue id.</param>
/// <param name="VenueName">Venue name.</param>
/// <param name="Date">Proposed day.</param>
/// <param name="Status">Where it stands.</param>
/// <param name="Participants">Parties expected at the table.</param>
/// <param name="VenueStatus">Per participant: <c>accepted</c>, <c>rejected</c> or <c>pending</c>.</param>
/// <param name="Note">Summary or cancellation reason (parties and mediator only; empty for others).</param>
public sealed record MeetingView(
    string Id,
    string Stage,
    string Venue,
    string VenueName,
    DateOnly? Date,
    MeetingStatus Status,
    IReadOnlyList<string> Participants,
    IReadOnlyDictionary<string, string> VenueStatus,
    string Note);
