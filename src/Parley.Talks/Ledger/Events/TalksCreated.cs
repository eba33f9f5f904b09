namespace Parley.Talks.Ledger;

/// <summary>The talks were opened from a scenario (its private preferences are not part of this event: they arrive as one <see cref="PositionSubmitted"/> per party).</summary>
/// <param name="Title">Human title.</param>
/// <param name="ScenarioYaml">The scenario without its <c>preferences:</c> section, as YAML.</param>
public sealed record TalksCreated(string Title, string ScenarioYaml) : TalksEvent;
