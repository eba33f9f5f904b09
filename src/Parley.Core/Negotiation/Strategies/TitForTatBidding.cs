namespace Parley.Negotiation.Strategies;

/// <summary>
/// Behaviour-dependent tactics (Faratin et al. 1998), measured in own utility. Naive: concede by the same
/// absolute amount the opponents' last offers improved on their previous ones. Relative: concede by the
/// same ratio (target ← target · u(previous offer) / u(last offer)). Starts at the best package; never
/// below the reservation value. With several opponents the mean of their concessions is mirrored.
/// </summary>
internal sealed class TitForTatBidding(bool relative) : IBidding
{
    private double _target = double.NaN;
    private int _lastRound = -1;

    public bool Relative { get; } = relative;

    public long NextBid(AgentContext ctx, NegotiationState state)
    {
        if (double.IsNaN(_target))
        {
            _target = ctx.Self.MaxUtility;
        }

        // Update once per round, from each opponent's two latest offers.
        if (state.Round != _lastRound)
        {
            _lastRound = state.Round;
            var sum = 0.0;
            var n = 0;
            for (var p = 0; p < state.PartyCount; p++)
            {
                var r = ctx.Received(p);
                if (p == ctx.Position || r.Count < 2)
                {
                    continue;
                }

                double previous = r[^2], last = r[^1];
                sum += Relative ? (last > 0 && previous > 0 ? previous / last : 1) : last - previous;
                n++;
            }

            if (n > 0)
            {
                var mean = sum / n;
                _target = Relative ? _target * Math.Min(1, mean) : _target - Math.Max(0, mean);
            }

            _target = Math.Clamp(_target, ctx.MinTarget, ctx.Self.MaxUtility);
        }

        return ctx.BidFor(_target);
    }
}
