using Parley.Model;
using Parley.Negotiation.Strategies;

namespace Parley.Negotiation.Simulation;

/// <summary>
/// The scenario's <c>simulation:</c> section: how the staged talks are simulated and which uncertainty a
/// forecast samples. Every field has a default, so a scenario without the section can still be simulated
/// (one stage, all parties with preferences, all issues). Read with <see cref="Read"/>.
/// </summary>
/// <param name="Start">Simulation day 0 (00:00 of this date); default: the day after the latest done stage's deadline, else 2025-01-01.</param>
/// <param name="HorizonDays">Runs stop after this many days; events later count as "never".</param>
/// <param name="AgreementStage">The stage whose success counts as "agreement"; default: the last stage with an agenda.</param>
/// <param name="FocusStage">A stage whose opening the report singles out (e.g. a leaders' meeting), or null.</param>
/// <param name="Defaults">Settings for stages that do not override them.</param>
/// <param name="Stages">Per-stage overrides, by stage id.</param>
/// <param name="Strategies">Per-party strategy; parties not listed use <see cref="StageSettings.Strategy"/> of the defaults.</param>
/// <param name="Uncertainty">What a forecast samples.</param>
/// <param name="Retry">What happens after a stage fails (the talks stall, a pressure step follows, the stage reopens).</param>
/// <param name="Illustrative">True when the numbers are illustrative assumptions (reports say so).</param>
public sealed record SimulationSpec(
    DateOnly? Start,
    int HorizonDays,
    string? AgreementStage,
    string? FocusStage,
    StageSettings Defaults,
    ValueList<KeyValuePair<string, StageSettings>> Stages,
    ValueList<KeyValuePair<string, StrategySpec>> Strategies,
    UncertaintySpec Uncertainty,
    RetrySpec Retry,
    bool Illustrative)
{
    /// <summary>All defaults: 365-day horizon, alternating offers, 20 rounds of one day, linear concession, no uncertainty.</summary>
    public static SimulationSpec Default { get; } = new(null, 365, null, null, StageSettings.BuiltIn, ValueList<KeyValuePair<string, StageSettings>>.Empty,
        ValueList<KeyValuePair<string, StrategySpec>>.Empty, UncertaintySpec.None, RetrySpec.None, false);

    /// <summary>Settings of a stage: its overrides over the defaults.</summary>
    public StageSettings For(string stageId) =>
        Stages.FirstOrDefault(s => s.Key == stageId).Value is { } o ? Defaults.Overlay(o) : Defaults;

    /// <summary>The strategy of a party.</summary>
    public StrategySpec StrategyOf(string partyId) =>
        Strategies.FirstOrDefault(s => s.Key == partyId).Value ?? Defaults.Strategy ?? StageSettings.BuiltIn.Strategy!;

    /// <summary>
    /// Reads and checks a <c>simulation:</c> section. Ids are checked against <paramref name="scenario"/>
    /// (its parties, stages and red lines); errors carry the section's file:line:column.
    /// </summary>
    public static (SimulationSpec? Spec, IReadOnlyList<Scenarios.Diagnostic> Diagnostics) Read(RawNode node, string file, SimulationReferences scenario)
    {
        var reader = new SimulationSpecReader(file, scenario);
        var spec = reader.Read(node);
        return (reader.Failed ? null : spec, reader.Diagnostics);
    }

    /// <summary>The typed section of a loaded scenario (<see cref="Default"/> when it has none).</summary>
    /// <exception cref="Scenarios.ScenarioException">The section is invalid.</exception>
    public static SimulationSpec Of(Scenario scenario, string file = "scenario")
    {
        ArgumentNullException.ThrowIfNull(scenario);
        if (scenario.Simulation is null)
        {
            return Default;
        }

        var (spec, diagnostics) = Read(scenario.Simulation, file, SimulationReferences.Of(scenario.Parties, scenario.Process, scenario.Preferences));
        return spec ?? throw new Scenarios.ScenarioException(diagnostics);
    }

    /// <summary>
    /// Validation hook for the scenario loader: checks the raw section, adds its diagnostics and returns
    /// the raw node unchanged (the model keeps it raw; lenses read it with <see cref="Of"/>).
    /// </summary>
    internal static RawNode Validate(RawNode node, string file, IReadOnlyList<Party> parties, ProcessSpec? process,
        IReadOnlyList<PartyPreferences> preferences, List<Scenarios.Diagnostic> diagnostics)
    {
        diagnostics.AddRange(Read(node, file, SimulationReferences.Of(parties, process, preferences)).Diagnostics);
        return node;
    }
}
