using Parley.Model;

namespace Parley.Negotiation.Simulation;

/// <summary>One run, traced.</summary>
/// <param name="Scenario">Scenario id.</param>
/// <param name="Seed">Seed.</param>
/// <param name="Run">Run index.</param>
/// <param name="Start">Day 0.</param>
/// <param name="Stages">When each stage opened and succeeded (days since the start; null = never).</param>
/// <param name="AgreementDay">When the agreement stage succeeded, or null.</param>
/// <param name="Package">The agreed options, or null.</param>
/// <param name="Sessions">Every negotiation session of the run with its moves.</param>
public sealed record RunTrace(string Scenario, ulong Seed, long Run, DateOnly Start, ValueList<StageTiming> Stages, double? AgreementDay,
    ValueList<string>? Package, ValueList<SessionTraceRecord> Sessions);
