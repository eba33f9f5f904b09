namespace Parley.Scenarios.Diff;

/// <summary>Which kind of scenario element a <see cref="ScenarioChange"/> is about.</summary>
public enum ScenarioElement
{
    /// <summary>The scenario's own fields: id, title, description, scale.</summary>
    Scenario,

    /// <summary>A party or one of its fields (name, roles, negotiators, optional).</summary>
    Party,

    /// <summary>An issue or its name or numeric range.</summary>
    Issue,

    /// <summary>An option of an issue.</summary>
    IssueOption,

    /// <summary>A party's whole preferences entry.</summary>
    Preferences,

    /// <summary>A party's weight for one issue.</summary>
    Weight,

    /// <summary>A party's scores for one issue's options.</summary>
    Scores,

    /// <summary>A party's reservation value.</summary>
    Reservation,

    /// <summary>A red line (added, removed, rule or note changed).</summary>
    RedLine,

    /// <summary>The whole conflict section.</summary>
    Conflict,

    /// <summary>A decision maker of the conflict model or its name, preferences or misperceptions.</summary>
    DecisionMaker,

    /// <summary>A decision maker's yes/no option.</summary>
    ConflictOption,

    /// <summary>A conflict-wide rule: an infeasible combination, an exclusive or at-least-one group, the status quo.</summary>
    ConflictRule,

    /// <summary>The whole process section, its mediator or the stage the mediator enters at.</summary>
    Process,

    /// <summary>A stage.</summary>
    Stage,

    /// <summary>A venue.</summary>
    Venue,

    /// <summary>A deadline.</summary>
    Deadline,

    /// <summary>A confidentiality setting.</summary>
    Confidentiality,

    /// <summary>Anything in the simulation section.</summary>
    Simulation,

    /// <summary>Anything in the forecast section.</summary>
    Forecast,
}
