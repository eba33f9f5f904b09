namespace Parley.Talks.ReadModel;

/// <summary>A tabled package and the parties' answers (contents: parties and mediator only).</summary>
public sealed class ProposalState
{
    internal ProposalState(string id, string party, string? stage, IReadOnlyDictionary<string, string> package, string note, string? counterTo)
    {
        Id = id;
        Party = party;
        Stage = stage;
        Package = package;
        Note = note;
        CounterTo = counterTo;
    }

    /// <summary>Proposal id.</summary>
    public string Id { get; }

    /// <summary>Tabling party.</summary>
    public string Party { get; }

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

    /// <summary>Parties that accepted it.</summary>
    public SortedSet<string> AcceptedBy { get; } = new(StringComparer.Ordinal);

    /// <summary>Parties that rejected it.</summary>
    public SortedSet<string> RejectedBy { get; } = new(StringComparer.Ordinal);

    /// <summary>Parties that signed it as an agreement.</summary>
    public SortedSet<string> SignedBy { get; } = new(StringComparer.Ordinal);
}
