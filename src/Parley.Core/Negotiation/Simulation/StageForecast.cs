namespace Parley.Negotiation.Simulation;

/// <summary>One stage's forecast.</summary>
/// <param name="Id">Stage id.</param>
/// <param name="Name">Stage name.</param>
/// <param name="Opened">P(the stage opened — e.g. the meeting took place — by the date).</param>
/// <param name="Succeeded">P(the stage succeeded by the date).</param>
/// <param name="FinallyFailed">Share of runs whose talks ended for good at this stage (within the horizon).</param>
public sealed record StageForecast(string Id, string Name, Proportion Opened, Proportion Succeeded, double FinallyFailed);
