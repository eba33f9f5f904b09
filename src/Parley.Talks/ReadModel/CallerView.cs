namespace Parley.Talks.ReadModel;

/// <summary>
/// One caller's share of a talks' ledger: the versions of the events it may see, in order, each
/// marked when it sees only the redacted fact. A caller's <em>sequence number</em> for an event is its
/// position here (1-based), so versions, cursors and ETags shown to it count only what it sees.
/// </summary>
public sealed class CallerView
{
    private readonly List<long> _versions = [];
    private readonly List<bool> _redacted = [];

    /// <summary>How many events the caller sees: its view version.</summary>
    public long Count => _versions.Count;

    /// <summary>The ledger version of the event with sequence number <paramref name="seq"/> (1-based).</summary>
    public long VersionAt(long seq) => _versions[checked((int)(seq - 1))];

    /// <summary>True when the caller sees only the redacted fact of event <paramref name="seq"/>.</summary>
    public bool RedactedAt(long seq) => _redacted[checked((int)(seq - 1))];

    /// <summary>The caller's sequence number of the last event at or before ledger version <paramref name="version"/> (0: none).</summary>
    public long SeqAtOrBefore(long version)
    {
        var i = _versions.BinarySearch(version);
        return i >= 0 ? i + 1 : ~i;
    }

    internal void Add(long version, bool redacted)
    {
        _versions.Add(version);
        _redacted.Add(redacted);
    }
}
