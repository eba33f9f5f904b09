using System.Threading.Channels;
using Parley.Talks.Ledger;

namespace Parley.Talks.Service;

/// <summary>A live feed of one talks' events; dispose to stop.</summary>
public sealed class Subscription : IDisposable
{
    private readonly Action _stop;

    internal Subscription(ChannelReader<StoredEvent> events, Action stop)
    {
        Events = events;
        _stop = stop;
    }

    /// <summary>The events, raw (filter per caller before showing).</summary>
    public ChannelReader<StoredEvent> Events { get; }

    /// <inheritdoc />
    public void Dispose() => _stop();
}
