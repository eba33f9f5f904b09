namespace Parley.Negotiation.Strategies;

/// <summary>
/// Time-dependent tactics (Faratin, Sierra &amp; Jennings 1998): the target utility at normalised time t is
/// <c>u(t) = Pmin + (1 − F(t))·(Pmax − Pmin)</c> with <c>F(t) = k + (1 − k)·t^(1/e)</c>.
/// e &lt; 1 is Boulware (holds out, concedes late), e = 1 linear, e &gt; 1 Conceder; e → 0 is a hardliner.
/// Pmax is the agent's best utility, Pmin its reservation value (or its worst package when higher).
/// </summary>
internal sealed class TimeDependentBidding(double e, double k = 0) : IBidding
{
    public double E { get; } = e;

    public double K { get; } = k;

    /// <summary>F(t) as in Faratin et al.</summary>
    public double F(double t) => E <= 0 ? K : K + ((1 - K) * Math.Pow(t, 1 / E));

    public double Target(AgentContext ctx, double t) => ctx.MinTarget + ((1 - F(t)) * (ctx.Self.MaxUtility - ctx.MinTarget));

    public long NextBid(AgentContext ctx, NegotiationState state) => ctx.BidFor(Target(ctx, state.Time));
}
