namespace Parley.Negotiation.Strategies;

/// <summary>An offering strategy: which package to offer next.</summary>
internal interface IBidding
{
    /// <summary>The package this agent would offer now (may draw random numbers; must not assume it will be offered).</summary>
    long NextBid(AgentContext ctx, NegotiationState state);

    /// <summary>Told when the planned bid was actually offered.</summary>
    void Offered(AgentContext ctx, long package)
    {
    }

    /// <summary>A strategy with its own acceptance rule returns true/false; null defers to the acceptance condition.</summary>
    bool? Accepts(AgentContext ctx, NegotiationState state, long offer, double offerUtility, double nextBidUtility) => null;
}
