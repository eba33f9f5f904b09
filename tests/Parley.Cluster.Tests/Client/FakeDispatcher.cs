using Parley.Cluster.Client;
using Parley.Cluster.Jobs;

namespace Parley.Cluster.Tests.Client;

/// <summary>An in-memory cluster: a mutable live-silo list and a per-call behaviour (default: run the job here).</summary>
internal sealed class FakeDispatcher : IBatchDispatcher
{
    private readonly Lock _gate = new();
    private List<WorkerInfo> _workers;

    public FakeDispatcher(params WorkerInfo[] workers) => _workers = [.. workers];

    public Func<WorkerInfo, BatchWork, CancellationToken, Task<BatchOutcome>> Behaviour { get; set; } = RunHere;

    public static WorkerInfo Worker(string silo, int workers = 1) => new(silo, "test", workers, "synthetic");

    public static Task<BatchOutcome> RunHere(WorkerInfo worker, BatchWork work, CancellationToken cancellationToken)
    {
        var partial = JobCatalog.Default.Get(work.Kind).Run(work.Spec.Span, work.Seed, work.FromRun, work.ToRun);
        return Task.FromResult(new BatchOutcome(work.JobId, work.BatchIndex, partial, worker.Silo));
    }

    public void Remove(string silo)
    {
        lock (_gate)
        {
            _workers = [.. _workers.Where(w => w.Silo != silo)];
        }
    }

    public Task<IReadOnlyList<WorkerInfo>> GetWorkersAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<WorkerInfo>>([.. _workers]);
        }
    }

    public Task<BatchOutcome> RunAsync(WorkerInfo worker, int slot, BatchWork work, CancellationToken cancellationToken) =>
        Behaviour(worker, work, cancellationToken);
}
