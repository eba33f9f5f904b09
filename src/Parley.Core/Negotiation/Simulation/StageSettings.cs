using Parley.Negotiation.Strategies;

namespace Parley.Negotiation.Simulation;

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
