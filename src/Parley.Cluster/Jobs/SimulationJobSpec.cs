using Parley.Negotiation.Simulation;

namespace Parley.Cluster.Jobs;

/// <summary>What a silo needs to run simulation batches: the scenario text (parsed there), the start override and the priors' setting.</summary>
/// <param name="Source">The scenario file's YAML text.</param>
/// <param name="File">The file name diagnostics name.</param>
/// <param name="Start">Overrides the simulation's day 0 (<c>--start</c>), or null.</param>
/// <param name="Knobs">Adjusts the priors for one sensitivity setting; null: the declared priors (<see cref="SensitivityKnobs.None"/>).</param>
public sealed record SimulationJobSpec(string Source, string File, DateOnly? Start, SensitivityKnobs? Knobs = null);
