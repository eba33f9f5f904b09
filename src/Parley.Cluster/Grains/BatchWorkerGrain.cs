using Orleans.Runtime;
using Parley.Cluster.Hosting;
using Parley.Cluster.Jobs;

namespace Parley.Cluster.Grains;

/// <summary>Runs batches through the silo's <see cref="JobCatalog"/>; holds no state between calls.</summary>
[CollectionAgeLimit(Minutes = 2)] // One activation per (job, silo, slot): let finished jobs' activations go soon.
internal sealed class BatchWorkerGrain(JobCatalog catalog, ILocalSiloDetails silo, SiloWorkerSettings settings) : Grain, IBatchWorkerGrain
{
    public async Task<BatchOutcome> RunAsync(BatchWork work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        var handler = catalog.Get(work.Kind);
        // The job is CPU-bound: run it on the thread pool rather than the grain scheduler, which must stay free
        // for membership and messaging; one activation per slot bounds the silo's concurrency.
        var partial = await Task.Run(() => handler.Run(work.Spec.Span, work.Seed, work.FromRun, work.ToRun), cancellationToken).ConfigureAwait(true);
        return new BatchOutcome(work.JobId, work.BatchIndex, partial, silo.SiloAddress.ToParsableString());
    }

    public Task<WorkerInfo> DescribeAsync() =>
        Task.FromResult(new WorkerInfo(silo.SiloAddress.ToParsableString(), silo.DnsHostName, settings.Workers, string.Join(",", catalog.Kinds)));
}
