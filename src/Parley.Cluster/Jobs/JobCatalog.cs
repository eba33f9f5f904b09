namespace Parley.Cluster.Jobs;

/// <summary>The job handlers a silo knows, by kind. Immutable once built.</summary>
public sealed class JobCatalog
{
    private readonly Dictionary<string, IBatchJobHandler> _handlers;

    /// <summary>Builds a catalog; kinds must be unique.</summary>
    public JobCatalog(IEnumerable<IBatchJobHandler> handlers)
    {
        ArgumentNullException.ThrowIfNull(handlers);
        _handlers = new Dictionary<string, IBatchJobHandler>(StringComparer.Ordinal);
        foreach (var handler in handlers)
        {
            if (!_handlers.TryAdd(handler.Kind, handler))
            {
                throw new ArgumentException($"two job handlers for kind '{handler.Kind}'", nameof(handlers));
            }
        }
    }

    /// <summary>The catalog every Parley silo runs: the synthetic job plus the lenses' jobs.</summary>
    public static JobCatalog Default { get; } = new(
    [
        new BatchJobHandler<SyntheticSpec, SyntheticPartial>(SyntheticJob.Instance),
        new BatchJobHandler<SimulationJobSpec, Negotiation.Simulation.SimulationTally>(SimulationJob.Instance),
    ]);

    /// <summary>This catalog plus <paramref name="extra"/> (e.g. jobs that live in the CLI).</summary>
    public JobCatalog With(params IEnumerable<IBatchJobHandler> extra) => new(_handlers.Values.Concat(extra));

    /// <summary>Known kinds, sorted.</summary>
    public IReadOnlyList<string> Kinds => [.. _handlers.Keys.Order(StringComparer.Ordinal)];

    /// <summary>The handler for <paramref name="kind"/>; throws <see cref="ArgumentException"/> naming the known kinds.</summary>
    public IBatchJobHandler Get(string kind) => _handlers.TryGetValue(kind, out var handler)
        ? handler
        : throw new ArgumentException($"unknown job kind '{kind}' (this silo knows: {string.Join(", ", Kinds)})", nameof(kind));
}
