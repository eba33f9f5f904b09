using Parley.Cluster.Client;

namespace Parley.Cluster.Tests.Client;

/// <summary>
/// Passes calls through to the real cluster, and kills the victim silo right after handing it its second batch
/// (so it has finished one and has one in flight): a crash in the middle of a run, at a known batch.
/// </summary>
internal sealed class KillOnDispatchDispatcher(IBatchDispatcher inner, string victim, Action kill) : IBatchDispatcher
{
    private int _dispatchesToVictim;

    /// <summary>Index of the batch that was in flight on the victim when it was killed; -1 until then.</summary>
    public int KilledWithBatch { get; private set; } = -1;

    public Task<IReadOnlyList<WorkerInfo>> GetWorkersAsync(CancellationToken cancellationToken) => inner.GetWorkersAsync(cancellationToken);

    public Task<BatchOutcome> RunAsync(WorkerInfo worker, int slot, BatchWork work, CancellationToken cancellationToken)
    {
        var call = inner.RunAsync(worker, slot, work, cancellationToken);
        if (worker.Silo == victim && Interlocked.Increment(ref _dispatchesToVictim) == 2)
        {
            KilledWithBatch = work.BatchIndex;
            kill();
        }

        return call;
    }
}
