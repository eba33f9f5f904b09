namespace Parley.Negotiation.Strategies;

/// <summary>Never concedes: always offers its best package (the e → 0 limit of the time-dependent family).</summary>
internal sealed class HardlinerBidding : IBidding
{
    public long NextBid(AgentContext ctx, NegotiationState state) => ctx.BidFor(ctx.Self.MaxUtility);
}
