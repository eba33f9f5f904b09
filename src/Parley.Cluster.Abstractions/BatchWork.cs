namespace Parley.Cluster;

/// <summary>
/// One batch of a job, as sent to a worker grain: runs <c>[FromRun, ToRun)</c> of job <see cref="JobId"/>.
/// The job itself is opaque bytes (<see cref="Spec"/>) interpreted by the handler registered for <see cref="Kind"/>;
/// every run derives its randomness from (<see cref="Seed"/>, run index), so a batch gives the same bytes wherever it runs.
/// </summary>
/// <param name="JobId">Identifies the job run this batch belongs to (unique per client call).</param>
/// <param name="Kind">Handler name on the silo, e.g. <c>simulate</c>, <c>tournament</c>, <c>synthetic</c>.</param>
/// <param name="Spec">Encoded job specification, decoded by the handler.</param>
/// <param name="Seed">Job seed.</param>
/// <param name="BatchIndex">Position of this batch in the job (results merge in this order).</param>
/// <param name="FromRun">First run index (inclusive).</param>
/// <param name="ToRun">Last run index (exclusive).</param>
[GenerateSerializer, Immutable]
public sealed record BatchWork(
    [property: Id(0)] string JobId,
    [property: Id(1)] string Kind,
    [property: Id(2)] ReadOnlyMemory<byte> Spec,
    [property: Id(3)] long Seed,
    [property: Id(4)] int BatchIndex,
    [property: Id(5)] int FromRun,
    [property: Id(6)] int ToRun);
