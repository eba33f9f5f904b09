namespace Parley.Cluster.Jobs;

/// <summary>
/// Runs a batch job on this machine with the same batches and the same merge order as the cluster, so the
/// two give identical results; also the reference the cluster tests compare against.
/// </summary>
public static class InProcessRunner
{
    /// <summary>Runs all batches (in parallel, up to <paramref name="maxParallelism"/>) and merges them in batch order.</summary>
    public static TPartial Run<TSpec, TPartial>(IBatchJob<TSpec, TPartial> job, TSpec spec, long seed, int runs, int batchSize, int maxParallelism = -1)
    {
        ArgumentNullException.ThrowIfNull(job);
        var plan = BatchPlan.Split(runs, batchSize);
        var partials = new TPartial[plan.Count];
        Parallel.For(0, plan.Count, new ParallelOptions { MaxDegreeOfParallelism = maxParallelism }, i =>
            partials[i] = job.RunBatch(spec, seed, plan[i].From, plan[i].To));
        return MergeInOrder(job, partials);
    }

    /// <summary>Merges partial results left to right (batch order).</summary>
    public static TPartial MergeInOrder<TSpec, TPartial>(IBatchJob<TSpec, TPartial> job, IReadOnlyList<TPartial> partials)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(partials);
        if (partials.Count == 0)
        {
            throw new ArgumentException("nothing to merge", nameof(partials));
        }

        var merged = partials[0];
        for (var i = 1; i < partials.Count; i++)
        {
            merged = job.Merge(merged, partials[i]);
        }

        return merged;
    }
}
