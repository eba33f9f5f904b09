namespace Parley.Cluster;

/// <summary>What a silo offers: how many batches it runs at once and which job kinds it knows.</summary>
/// <param name="Silo">Silo address (parsable form).</param>
/// <param name="Host">Machine name of the silo process.</param>
/// <param name="Workers">Batches the silo runs concurrently (defaults to its processor count).</param>
/// <param name="Kinds">Job kinds the silo has handlers for, comma-separated.</param>
[GenerateSerializer, Immutable]
public sealed record WorkerInfo(
    [property: Id(0)] string Silo,
    [property: Id(1)] string Host,
    [property: Id(2)] int Workers,
    [property: Id(3)] string Kinds);
