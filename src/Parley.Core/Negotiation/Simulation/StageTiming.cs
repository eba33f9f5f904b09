namespace Parley.Negotiation.Simulation;

/// <summary>A stage's timing in a traced run.</summary>
/// <param name="Stage">Stage id.</param>
/// <param name="Opened">Day it first opened, or null.</param>
/// <param name="Succeeded">Day it succeeded, or null.</param>
public sealed record StageTiming(string Stage, double? Opened, double? Succeeded);
