namespace Parley.Web.Api.Contracts;

/// <summary>Open talks from a scenario (the organiser only).</summary>
/// <param name="Scenario">The scenario as YAML text (docs/scenario-format.md).</param>
/// <param name="Id">Talks id (default: the scenario's id).</param>
public sealed record OpenTalksRequest(
    string? Scenario,
    string? Id);
