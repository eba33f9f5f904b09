namespace Parley.Forecast;

/// <summary>
/// The SMP's model options. Every default is KTAB's (<c>smpc</c>, 2019 snapshot), so a run with default
/// options is comparable with a KTAB run with default parameters.
/// </summary>
internal sealed record SmpOptions
{
    public VictoryProbModel VictoryProbModel { get; init; } = VictoryProbModel.Linear;

    public VotingRule VotingRule { get; init; } = VotingRule.Prop;

    public PceModel PceModel { get; init; } = PceModel.Conditional;

    public StateTransitions StateTransitions { get; init; } = StateTransitions.Deterministic;

    public BigRRange BigRRange { get; init; } = BigRRange.Mid;

    public BigRAdjust BigRAdjust { get; init; } = BigRAdjust.OneThird;

    public ThirdPartyCommit ThirdPartyCommit { get; init; } = ThirdPartyCommit.SemiCommit;

    public InterVecBargain InterVecBargain { get; init; } = InterVecBargain.S2P2;

    public BargainModel BargainModel { get; init; } = BargainModel.InitOnlyInterp;

    /// <summary>The stop test is not applied before this turn (KTAB: 2).</summary>
    public int MinTurns { get; init; } = 2;

    /// <summary>Hard limit on turns (KTAB: 100).</summary>
    public int MaxTurns { get; init; } = 100;

    /// <summary>Stop when the last step moved less than this fraction of the first step (KTAB: 0.02).</summary>
    public double MinDeltaRatio { get; init; } = 0.02;

    /// <summary>Added to the first step's size to avoid 0/0 (KTAB: 1e-4).</summary>
    public double MinSignificantDelta { get; init; } = 1e-4;

    /// <summary>Seed for stochastic transitions; unused when transitions are deterministic.</summary>
    public ulong Seed { get; init; }

    /// <summary>Threads for one run (results do not depend on it); 1 runs sequentially.</summary>
    public int MaxDegreeOfParallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>Every model option as a KTAB-style <c>Name=Value</c> pair, for reports.</summary>
    public IEnumerable<string> Describe() =>
    [
        $"VictoryProbModel={VictoryProbModel}", $"VotingRule={VotingRule}", $"PCEModel={PceModel}",
        $"StateTransitions={StateTransitions}", $"BigRRange={BigRRange}", $"BigRAdjust={BigRAdjust}",
        $"ThirdPartyCommit={ThirdPartyCommit}", $"InterVecBrgn={InterVecBargain}", $"BargnModel={BargainModel}",
    ];
}
