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

/// <summary>The ids a <c>simulation:</c> section may refer to.</summary>
/// <param name="Parties">Party ids.</param>
/// <param name="Stages">Stage ids of the process.</param>
/// <param name="RedLines">Red line ids.</param>
public sealed record SimulationReferences(ValueList<string> Parties, ValueList<string> Stages, ValueList<string> RedLines)
{
    /// <summary>The ids found in a scenario's parts.</summary>
    public static SimulationReferences Of(IReadOnlyList<Party> parties, ProcessSpec? process, IReadOnlyList<PartyPreferences> preferences) => new(
        parties.Select(p => p.Id).ToValueList(),
        (process?.Stages.Select(s => s.Id) ?? []).ToValueList(),
        preferences.SelectMany(p => p.RedLines.Select(r => r.Id)).ToValueList());
}

/// <summary>Protocol of a stage session.</summary>
public enum ProtocolKind
{
    /// <summary>Stacked alternating offers (bilateral SAOP with two parties).</summary>
    Alternating,

    /// <summary>Mediated single text, unanimity (any party can veto a change).</summary>
    MediatedVeto,

    /// <summary>Mediated single text, majority hill climbing.</summary>
    MediatedHillClimbing,
}

/// <summary>Settings of a stage; null fields fall back to the defaults.</summary>
/// <param name="Protocol">Protocol while the mediator is not at the table.</param>
/// <param name="MediatedProtocol">Protocol once the mediator takes part.</param>
/// <param name="Rounds">Deadline of one session in rounds.</param>
/// <param name="RoundDays">Length of a round in days.</param>
/// <param name="DelayDays">Meeting-arrangement delay between the stage's prerequisites succeeding and the stage opening.</param>
/// <param name="DurationDays">For a stage without an agenda: how long it takes.</param>
/// <param name="Success">For a stage without an agenda: probability it succeeds.</param>
/// <param name="Strategy">Default strategy of parties without their own.</param>
public sealed record StageSettings(
    ProtocolKind? Protocol = null,
    ProtocolKind? MediatedProtocol = null,
    int? Rounds = null,
    Distribution? RoundDays = null,
    Distribution? DelayDays = null,
    Distribution? DurationDays = null,
    double? Success = null,
    StrategySpec? Strategy = null)
{
    /// <summary>The built-in defaults.</summary>
    public static StageSettings BuiltIn { get; } = new(ProtocolKind.Alternating, ProtocolKind.MediatedVeto, 20, Distribution.Constant(1),
        Distribution.Constant(0), Distribution.Constant(1), 1.0, StrategySpec.TryParse("linear", out _));

    /// <summary>These settings with <paramref name="over"/>'s non-null fields on top.</summary>
    public StageSettings Overlay(StageSettings over) => new(
        over.Protocol ?? Protocol, over.MediatedProtocol ?? MediatedProtocol, over.Rounds ?? Rounds, over.RoundDays ?? RoundDays,
        over.DelayDays ?? DelayDays, over.DurationDays ?? DurationDays, over.Success ?? Success, over.Strategy ?? Strategy);
}

/// <summary>What a forecast samples per run. All zero/none means the declared numbers are taken as exact.</summary>
/// <param name="ScoreNoise">Standard deviation of normal noise added to every option score (scale units; clipped to the scale).</param>
/// <param name="WeightConcentration">Dirichlet concentration κ around the declared weights (0 = no noise; larger = less noise).</param>
/// <param name="ReservationShift">Added to each party's reservation value once per run.</param>
/// <param name="ErosionPerWeek">Each party's reservation value falls by this much per simulated week (cost of war, pressure).</param>
/// <param name="Firm">Probability that a red line is firm at the start (otherwise it is soft and does not bind).</param>
/// <param name="SofteningPerWeek">Weekly hazard that a firm red line softens.</param>
/// <param name="RedLines">Per red line overrides of <see cref="Firm"/> and <see cref="SofteningPerWeek"/>.</param>
public sealed record UncertaintySpec(
    double ScoreNoise,
    double WeightConcentration,
    Distribution ReservationShift,
    Distribution ErosionPerWeek,
    double Firm,
    double SofteningPerWeek,
    ValueList<KeyValuePair<string, RedLineFirmness>> RedLines)
{
    /// <summary>No uncertainty: red lines always firm, nothing drifts.</summary>
    public static UncertaintySpec None { get; } = new(0, 0, Distribution.Constant(0), Distribution.Constant(0), 1, 0, ValueList<KeyValuePair<string, RedLineFirmness>>.Empty);

    /// <summary>Firmness of a red line.</summary>
    public RedLineFirmness FirmnessOf(string redLineId) =>
        RedLines.FirstOrDefault(r => r.Key == redLineId).Value ?? new RedLineFirmness(Firm, SofteningPerWeek);
}

/// <summary>How firm one red line is.</summary>
/// <param name="Firm">Probability it is firm at the start.</param>
/// <param name="SofteningPerWeek">Weekly hazard of softening once firm.</param>
public sealed record RedLineFirmness(double Firm, double SofteningPerWeek);

/// <summary>After a failed stage: the talks stall; after a pressure step the stage reopens, at most <paramref name="Max"/> times.</summary>
/// <param name="AfterDays">Days from the failure to the reopening.</param>
/// <param name="Max">Most retries per stage.</param>
public sealed record RetrySpec(Distribution AfterDays, int Max)
{
    /// <summary>No retries.</summary>
    public static RetrySpec None { get; } = new(Distribution.Constant(14), 0);
}
