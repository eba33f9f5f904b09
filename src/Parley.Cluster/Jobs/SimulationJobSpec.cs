namespace Parley.Cluster.Jobs;

/// <summary>What a silo needs to run simulation batches: the scenario text (parsed there) and the start override.</summary>
/// <param name="Source">The scenario file's YAML text.</param>
/// <param name="File">The file name diagnostics name.</param>
/// <param name="Start">Overrides the simulation's day 0 (<c>--start</c>), or null.</param>
public sealed record SimulationJobSpec(string Source, string File, DateOnly? Start);
