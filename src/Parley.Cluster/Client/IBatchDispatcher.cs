namespace Parley.Cluster.Client;

/// <summary>The transport the scheduler drives: which workers are alive, and running one batch on one of them.</summary>
internal interface IBatchDispatcher
{
    /// <summary>The live silos now (a silo missing from the list is treated as dead and its batches move).</summary>
    Task<IReadOnlyList<WorkerInfo>> GetWorkersAsync(CancellationToken cancellationToken);

    /// <summary>Runs <paramref name="work"/> in worker slot <paramref name="slot"/> of <paramref name="worker"/>.</summary>
    Task<BatchOutcome> RunAsync(WorkerInfo worker, int slot, BatchWork work, CancellationToken cancellationToken);
}
