namespace Parley.Talks.ReadModel;

/// <summary>A meeting of a stage at a venue.</summary>
public sealed class MeetingState
{
    internal MeetingState(string id, string stage, string venue, DateOnly? date)
    {
        Id = id;
        Stage = stage;
        Venue = venue;
        Date = date;
    }

    /// <summary>Meeting id.</summary>
    public string Id { get; }

    /// <summary>Stage id.</summary>
    public string Stage { get; }

    /// <summary>Venue id.</summary>
    public string Venue { get; }

    /// <summary>Proposed day, if any.</summary>
    public DateOnly? Date { get; }

    /// <summary>Parties expected at the table (the stage's participants).</summary>
    public IReadOnlyList<string> Participants { get; internal set; } = [];

    /// <summary>proposed, scheduled, held or cancelled.</summary>
    public MeetingStatus Status { get; internal set; } = MeetingStatus.Proposed;

    /// <summary>Summary once held, or the reason it was cancelled (contents: participants only).</summary>
    public string Note { get; internal set; } = "";

    /// <summary>Who wrote <see cref="Note"/> (<see cref="Access.Caller.Key"/>), or null before anyone did.</summary>
    internal string? NoteBy { get; set; }
}
