namespace Parley.Cluster;

/// <summary>
/// Runs batches on the silo it is placed on. The client places one activation per (job, silo, slot) with a
/// placement hint, so each silo runs as many batches at once as it has worker slots.
/// </summary>
public interface IBatchWorkerGrain : IGrainWithStringKey
{
    /// <summary>Runs one batch and returns its encoded partial result. Throws <see cref="ArgumentException"/> for an unknown job kind or a bad spec.</summary>
    /// <param name="work">The batch.</param>
    /// <param name="cancellationToken">Cancels the batch (the client gave up on this silo or the job).</param>
    [ResponseTimeout("01:00:00")] // A batch may be long; dead silos are caught by membership, not by this timeout.
    Task<BatchOutcome> RunAsync(BatchWork work, CancellationToken cancellationToken);

    /// <summary>Describes the silo this activation lives on.</summary>
    Task<WorkerInfo> DescribeAsync();
}
