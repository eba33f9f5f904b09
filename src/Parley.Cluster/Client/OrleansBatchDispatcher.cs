using System.Collections.Concurrent;
using Orleans.Runtime;
using Orleans.Runtime.Placement;

namespace Parley.Cluster.Client;

/// <summary>Runs batches on worker grains pinned to chosen silos with Orleans' placement hint.</summary>
internal sealed class OrleansBatchDispatcher(IClusterClient client) : IBatchDispatcher
{
    private readonly ConcurrentDictionary<SiloAddress, WorkerInfo> _known = new();

    public async Task<IReadOnlyList<WorkerInfo>> GetWorkersAsync(CancellationToken cancellationToken)
    {
#pragma warning disable CA2016 // The analyzer sees a generated overload; WaitAsync bounds the wait instead.
        var hosts = await client.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true).WaitAsync(cancellationToken).ConfigureAwait(false);
#pragma warning restore CA2016
        var workers = new List<WorkerInfo>(hosts.Count);
        foreach (var silo in hosts.Keys.OrderBy(s => s.ToParsableString(), StringComparer.Ordinal))
        {
            if (!_known.TryGetValue(silo, out var info))
            {
                info = await WithHint(silo, () => client.GetGrain<IBatchWorkerGrain>("describe/" + silo.ToParsableString()).DescribeAsync()).WaitAsync(cancellationToken).ConfigureAwait(false);
                _known[silo] = info;
            }

            workers.Add(info);
        }

        return workers;
    }

    public Task<BatchOutcome> RunAsync(WorkerInfo worker, int slot, BatchWork work, CancellationToken cancellationToken)
    {
        var silo = SiloAddress.FromParsableString(worker.Silo);
        var grain = client.GetGrain<IBatchWorkerGrain>($"{work.JobId}/{worker.Silo}/{slot}");
        return WithHint(silo, () => grain.RunAsync(work, cancellationToken));
    }

    // The hint is read when the grain is first placed; the grain key includes the silo, so each (job, silo, slot)
    // activation lands where it was meant to. RequestContext is async-local: setting it here affects this call only.
    private static async Task<T> WithHint<T>(SiloAddress silo, Func<Task<T>> call)
    {
        RequestContext.Set(IPlacementDirector.PlacementHintKey, silo);
        try
        {
            return await call().ConfigureAwait(false);
        }
        finally
        {
            RequestContext.Remove(IPlacementDirector.PlacementHintKey);
        }
    }
}
