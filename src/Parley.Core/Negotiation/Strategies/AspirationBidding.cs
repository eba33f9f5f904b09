namespace Parley.Negotiation.Strategies;

/// <summary>
/// Level-of-aspiration concession (Siegel &amp; Fouraker 1960; Pruitt 1981): the aspiration falls by a fixed
/// share of the remaining distance to the reservation value every round,
/// <c>a(r) = Pmin + (Pmax − Pmin)·(1 − λ)^r</c>, independent of the deadline.
/// </summary>
internal sealed class AspirationBidding(double rate) : IBidding
{
    public double Rate { get; } = rate;

    public double Target(AgentContext ctx, int round) => ctx.MinTarget + ((ctx.Self.MaxUtility - ctx.MinTarget) * Math.Pow(1 - Rate, round));

    public long NextBid(AgentContext ctx, NegotiationState state) => ctx.BidFor(Target(ctx, state.Round));
}
