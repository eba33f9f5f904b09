namespace Parley.Cluster.Jobs;

/// <summary>How a job of N runs splits into batches: consecutive ranges of <c>batchSize</c> runs, the last one shorter.</summary>
public static class BatchPlan
{
    /// <summary>The largest batch count a job may have (keeps the client's bookkeeping and the wire small).</summary>
    public const int MaxBatches = 1_000_000;

    /// <summary>Splits runs <c>[0, runs)</c> into ranges of <paramref name="batchSize"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">runs &lt; 1, batchSize &lt; 1, or more than <see cref="MaxBatches"/> batches.</exception>
    public static IReadOnlyList<(int From, int To)> Split(int runs, int batchSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(runs, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        var count = (int)((runs + (long)batchSize - 1) / batchSize);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, MaxBatches, nameof(batchSize));
        var ranges = new (int From, int To)[count];
        for (var i = 0; i < count; i++)
        {
            var from = i * batchSize;
            ranges[i] = (from, (int)Math.Min((long)from + batchSize, runs));
        }

        return ranges;
    }
}
