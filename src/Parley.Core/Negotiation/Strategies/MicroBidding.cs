namespace Parley.Negotiation.Strategies;

/// <summary>
/// MiCRO (de Jonge 2022, "An Analysis of the Linear Bilateral ANAC Domains Using the MiCRO Benchmark
/// Strategy", IJCAI): walk down the own ranking one new package at a time, but only while the opponents
/// have offered at least as many distinct packages as MiCRO has; otherwise repeat a random earlier offer.
/// It accepts an offer at least as good as the next package it would concede to (and acceptable).
/// </summary>
internal sealed class MicroBidding : IBidding
{
    private readonly List<long> _proposed = [];
    private readonly HashSet<long> _proposedSet = [];

    private int NextIndex(AgentContext ctx) => Math.Min(_proposed.Count, ctx.Self.Ranked.Length - 1);

    public long NextBid(AgentContext ctx, NegotiationState state)
    {
        var ranked = ctx.Self.Ranked;
        var others = 0;
        var received = 0;
        for (var p = 0; p < state.PartyCount; p++)
        {
            if (p != ctx.Position)
            {
                others++;
                received += ctx.DistinctReceived(p);
            }
        }

        var opponentDistinct = others == 0 ? 0 : received / others;
        var next = NextIndex(ctx);
        var canConcede = _proposed.Count == 0 || (opponentDistinct >= _proposed.Count && ctx.Self.RankedUtilities[next] >= ctx.MinTarget);
        return canConcede && !_proposedSet.Contains(ranked[next]) ? ranked[next] : _proposed[ctx.Rng.NextInt(_proposed.Count)];
    }

    public void Offered(AgentContext ctx, long package)
    {
        if (_proposedSet.Add(package))
        {
            _proposed.Add(package);
        }
    }

    public bool? Accepts(AgentContext ctx, NegotiationState state, long offer, double offerUtility, double nextBidUtility) =>
        offerUtility >= ctx.Self.RankedUtilities[NextIndex(ctx)] - 1e-12;
}
