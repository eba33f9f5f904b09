namespace Parley.Talks.ReadModel;

/// <summary>A tabled package and the parties' answers (stage contents: <see cref="Access.VisibilityPolicy.SeesContents"/>).</summary>
public sealed class ProposalState
{
    internal ProposalState(string id, string? party, string author, string? stage, IReadOnlyDictionary<string, string> package, string note, string? counterTo)
    {
        Id = id;
        Party = party;
        Author = author;
        Stage = stage;
        Package = package;
        Note = note;
        CounterTo = counterTo;
    }

    /// <summary>Proposal id.</summary>
    public string Id { get; }

    /// <summary>Tabling party, or null when the mediator tabled it.</summary>
    public string? Party { get; }

    /// <summary>Who tabled it (<see cref="Access.Caller.Key"/>).</summary>
    public string Author { get; }

    /// <summary>Stage, or null.</summary>
    public string? Stage { get; }

    /// <summary>Issue id → option id.</summary>
    public IReadOnlyDictionary<string, string> Package { get; }

    /// <summary>Free text.</summary>
    public string Note { get; }

    /// <summary>The proposal this one counters, or null.</summary>
    public string? CounterTo { get; }

    /// <summary>Proposal ids that counter this one.</summary>
    public List<string> CounteredBy { get; } = [];

    /// <summary>True once its author withdrew it.</summary>
    public bool Withdrawn { get; internal set; }

    /// <summary>Parties whose last word on it is "accept".</summary>
    public SortedSet<string> AcceptedBy { get; } = new(StringComparer.Ordinal);

    /// <summary>Parties whose last word on it is "reject".</summary>
    public SortedSet<string> RejectedBy { get; } = new(StringComparer.Ordinal);

    /// <summary>Parties that signed it as an agreement.</summary>
    public SortedSet<string> SignedBy { get; } = new(StringComparer.Ordinal);
}
