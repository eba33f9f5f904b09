namespace Parley.Negotiation.Strategies;

/// <summary>
/// An agent assembled from an offering strategy, an acceptance condition and optionally a frequency
/// opponent model (the BOA architecture of Baarslag et al. 2014).
/// </summary>
internal sealed class Negotiator(string name, IBidding bidding, AcceptanceCondition acceptance, bool modelOpponents) : INegotiator
{
    private AgentContext? _ctx;

    public string Name { get; } = name;

    internal IBidding Bidding => bidding;

    internal AgentContext Context => _ctx ?? throw new InvalidOperationException("the agent has not been started");

    public void Start(IUtilityView self, int position, NegotiationState state, SplitMix64 rng) =>
        _ctx = new AgentContext(self, position, state, rng, modelOpponents);

    public Move Respond(NegotiationState state)
    {
        var ctx = Context;
        var bestBefore = ctx.BestReceived;
        ctx.Observe(state);
        var bid = bidding.NextBid(ctx, state);
        if (state.Standing is { } standing && standing.Party != ctx.Position && WouldAccept(ctx, state, standing.Package, bid, bestBefore))
        {
            return Move.Accept(standing.Package);
        }

        bidding.Offered(ctx, bid);
        return Move.Offer(bid);
    }

    public bool Vote(long current, long proposed, NegotiationState state)
    {
        var self = Context.Self;
        var keepsNow = self.KeepsRedLines(current);
        var keepsNew = self.KeepsRedLines(proposed);
        // A hill climber: support a change that does not make things worse for it; red lines dominate utility.
        return keepsNew != keepsNow ? keepsNew : self.Utility(proposed) >= self.Utility(current);
    }

    public bool Ratify(long text, NegotiationState state)
    {
        var ctx = Context;
        var bid = bidding.NextBid(ctx, state);
        return WouldAccept(ctx, state, text, bid, ctx.BestReceived);
    }

    private bool WouldAccept(AgentContext ctx, NegotiationState state, long offer, long bid, double bestBefore)
    {
        if (!ctx.Self.IsAcceptable(offer))
        {
            return false;
        }

        var u = ctx.Self.Utility(offer);
        var next = ctx.Self.Utility(bid);
        return bidding.Accepts(ctx, state, offer, u, next) ?? acceptance.Accepts(u, next, state.Time, bestBefore);
    }
}
