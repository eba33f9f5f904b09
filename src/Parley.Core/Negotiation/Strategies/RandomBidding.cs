namespace Parley.Negotiation.Strategies;

/// <summary>A baseline: offers a uniformly random package it finds acceptable and accepts an acceptable offer with probability ½.</summary>
internal sealed class RandomBidding : IBidding
{
    public long NextBid(AgentContext ctx, NegotiationState state)
    {
        var utilities = ctx.Self.RankedUtilities;
        var count = AgentContext.LowestAtOrAbove(utilities, ctx.MinTarget) + 1;
        return ctx.Self.Ranked[ctx.Rng.NextInt(count)];
    }

    public bool? Accepts(AgentContext ctx, NegotiationState state, long offer, double offerUtility, double nextBidUtility) => ctx.Rng.Bernoulli(0.5);
}
