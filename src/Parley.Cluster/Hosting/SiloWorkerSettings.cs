namespace Parley.Cluster.Hosting;

/// <summary>Per-silo worker settings the grains read.</summary>
/// <param name="Workers">Batches this silo runs at once.</param>
internal sealed record SiloWorkerSettings(int Workers);
