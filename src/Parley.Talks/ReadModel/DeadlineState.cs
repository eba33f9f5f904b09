using Parley.Model;

namespace Parley.Talks.ReadModel;

/// <summary>A deadline and whether it expired.</summary>
public sealed class DeadlineState
{
    internal DeadlineState(string id, string name, DateOnly date, string? stage, string? setBy, DeadlineConsequence consequence, string note)
    {
        Id = id;
        Name = name;
        Date = date;
        Stage = stage;
        SetBy = setBy;
        Consequence = consequence;
        Note = note;
    }

    /// <summary>Deadline id.</summary>
    public string Id { get; }

    /// <summary>Description.</summary>
    public string Name { get; }

    /// <summary>The day it falls due; it expires at the end of that day (UTC).</summary>
    public DateOnly Date { get; }

    /// <summary>Stage it applies to, or null.</summary>
    public string? Stage { get; }

    /// <summary>Who set it, or null.</summary>
    public string? SetBy { get; }

    /// <summary>What its expiry triggers.</summary>
    public DeadlineConsequence Consequence { get; }

    /// <summary>The consequence in words.</summary>
    public string Note { get; }

    /// <summary>True once it expired and its consequence applied.</summary>
    public bool Expired { get; internal set; }

    /// <summary>The instant it expires: the start of the next day, UTC.</summary>
    public DateTimeOffset DueAt => new(Date.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
}
