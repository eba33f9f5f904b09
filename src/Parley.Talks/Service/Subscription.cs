using System.Threading.Channels;

namespace Parley.Talks.Service;

/// <summary>
/// A live feed of one caller's share of a talks' events; dispose to stop. A subscriber that falls
/// more than the buffer behind is cut off rather than skipped: its reader completes with
/// <see cref="SubscriberTooSlowException"/> and it resumes from its last sequence number.
/// </summary>
public sealed class Subscription : IDisposable
{
    private readonly Action _stop;

    internal Subscription(ChannelReader<EventView> events, ChannelReader<bool> deskChanges, Action stop)
    {
        Events = events;
        DeskChanges = deskChanges;
        _stop = stop;
    }

    /// <summary>The caller's events, already filtered and redacted, numbered by its own sequence.</summary>
    public ChannelReader<EventView> Events { get; }

    /// <summary>
    /// A notice (at most one pending) each time the caller's desk (<see cref="BlindViews.Desk"/>) changed
    /// through an event it may not see, such as another party's bid or mark; never for a caller without a desk.
    /// </summary>
    public ChannelReader<bool> DeskChanges { get; }

    /// <inheritdoc />
    public void Dispose() => _stop();
}
