using Parley.Model;

namespace Parley.Scenarios.Diff;

/// <summary>The outcome of applying one <see cref="ScenarioChange"/> alone to a scenario.</summary>
/// <param name="Scenario">The scenario with the change applied, as the loader reads it back; null when that is not a valid scenario.</param>
/// <param name="Problem">Why the change cannot be applied alone (e.g. a red line naming an option the scenario does not have); null on success.</param>
public sealed record ChangeApplication(Scenario? Scenario, string? Problem)
{
    /// <summary>True when the change applied alone gives a valid scenario.</summary>
    public bool Applicable => Scenario is not null;
}
