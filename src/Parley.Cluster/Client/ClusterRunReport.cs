namespace Parley.Cluster.Client;

/// <summary>How a cluster job went: where batches ran and how many had to move.</summary>
/// <param name="Batches">Batches in the job.</param>
/// <param name="Attempts">Batch dispatches, including those lost with a silo (≥ <paramref name="Batches"/>).</param>
/// <param name="Reassigned">Batches sent again because their silo died or failed.</param>
/// <param name="Speculative">Backup copies started for batches running far longer than usual.</param>
/// <param name="Duplicates">Answers ignored because their batch had already been counted.</param>
/// <param name="BatchesPerSilo">Accepted batches per silo address (sums to <paramref name="Batches"/>: each batch counts once).</param>
/// <param name="RanOn">The silo whose result was accepted, per batch index.</param>
public sealed record ClusterRunReport(
    int Batches,
    int Attempts,
    int Reassigned,
    int Speculative,
    int Duplicates,
    IReadOnlyDictionary<string, int> BatchesPerSilo,
    IReadOnlyList<string> RanOn);
