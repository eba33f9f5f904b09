namespace Parley.Cluster;

/// <summary>What a worker returns for one <see cref="BatchWork"/>: the encoded partial result and where it ran.</summary>
/// <param name="JobId">Job the batch belongs to.</param>
/// <param name="BatchIndex">Batch position in the job.</param>
/// <param name="Partial">Encoded partial result of the batch (decoded and merged by the client, in batch order).</param>
/// <param name="Silo">Address of the silo that ran the batch.</param>
[GenerateSerializer, Immutable]
public sealed record BatchOutcome(
    [property: Id(0)] string JobId,
    [property: Id(1)] int BatchIndex,
    [property: Id(2)] ReadOnlyMemory<byte> Partial,
    [property: Id(3)] string Silo);
