namespace Parley.Negotiation.Strategies;

/// <summary>
/// An agent's private memory: its own view, its random stream, and what it has learnt from the offers
/// it received (own utility of each, an optional frequency model per opponent).
/// </summary>
internal sealed class AgentContext
{
    private readonly List<double>[] _receivedUtilities;
    private readonly HashSet<long>[] _distinctReceived;
    private int _seen;

    public AgentContext(IUtilityView self, int position, NegotiationState state, SplitMix64 rng, bool modelOpponents)
    {
        Self = self;
        Position = position;
        Rng = rng;
        _receivedUtilities = [.. Enumerable.Range(0, state.PartyCount).Select(_ => new List<double>())];
        _distinctReceived = [.. Enumerable.Range(0, state.PartyCount).Select(_ => new HashSet<long>())];
        Models = modelOpponents ? [.. Enumerable.Range(0, state.PartyCount).Select(_ => new FrequencyOpponentModel(self.Space))] : null;
        var floor = self.RankedUtilities.Length > 0 ? self.RankedUtilities[^1] : 0;
        MinTarget = Math.Max(self.Reservation, floor);
    }

    public IUtilityView Self { get; }

    public int Position { get; }

    public SplitMix64 Rng;

    /// <summary>Per table position, a frequency model of that party's offers (null when modelling is off).</summary>
    public FrequencyOpponentModel[]? Models { get; }

    /// <summary>The lowest own utility this agent ever aims for: its reservation value (or its worst package when higher).</summary>
    public double MinTarget { get; }

    /// <summary>Best own utility received so far in any offer.</summary>
    public double BestReceived { get; private set; } = double.NegativeInfinity;

    /// <summary>Own utilities of a party's offers, oldest first.</summary>
    public IReadOnlyList<double> Received(int party) => _receivedUtilities[party];

    /// <summary>Number of distinct packages a party offered.</summary>
    public int DistinctReceived(int party) => _distinctReceived[party].Count;

    /// <summary>Absorbs the offers made since the last call.</summary>
    public void Observe(NegotiationState state)
    {
        var offers = state.Offers;
        for (; _seen < offers.Count; _seen++)
        {
            var o = offers[_seen];
            if (o.Party == Position)
            {
                continue;
            }

            var u = Self.Utility(o.Package);
            _receivedUtilities[o.Party].Add(u);
            _distinctReceived[o.Party].Add(o.Package);
            BestReceived = Math.Max(BestReceived, u);
            Models?[o.Party].Update(o.Package);
        }
    }

    /// <summary>Predicted total utility of a package to the other parties, from the frequency models (0 without models).</summary>
    public double PredictOthers(long package)
    {
        if (Models is null)
        {
            return 0;
        }

        var sum = 0.0;
        for (var p = 0; p < Models.Length; p++)
        {
            if (p != Position)
            {
                sum += Models[p].Predict(package);
            }
        }

        return sum;
    }

    /// <summary>
    /// The package to offer for an own-utility target: the lowest-utility ranked package at or above it,
    /// or — with opponent models — among packages within a small band above the target, the one the
    /// models predict the others like most (ties: higher own utility, then lower code).
    /// </summary>
    public long BidFor(double target)
    {
        var ranked = Self.Ranked;
        var utilities = Self.RankedUtilities;
        var index = LowestAtOrAbove(utilities, target);
        if (Models is null)
        {
            return ranked[index];
        }

        var band = Math.Max(1e-9, 0.02 * (Self.MaxUtility - MinTarget));
        var best = index;
        var bestScore = PredictOthers(ranked[index]);
        for (var i = index - 1; i >= 0 && utilities[i] <= utilities[index] + band && index - i <= 256; i--)
        {
            var score = PredictOthers(ranked[i]);
            if (score > bestScore + 1e-12)
            {
                best = i;
                bestScore = score;
            }
        }

        return ranked[best];
    }

    /// <summary>Index of the last ranked package with utility ≥ target (0 when even the best is below it).</summary>
    public static int LowestAtOrAbove(ReadOnlySpan<double> descending, double target)
    {
        int lo = 0, hi = descending.Length - 1, found = 0;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            if (descending[mid] >= target - 1e-12)
            {
                found = mid;
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return found;
    }
}
