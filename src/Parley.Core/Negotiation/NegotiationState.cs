namespace Parley.Negotiation;

/// <summary>
/// What every agent at the table sees: the clock (round of the deadline) and the offers made so far,
/// by position at the table. Nothing here reveals anyone's preferences.
/// </summary>
internal sealed class NegotiationState(int partyCount, int rounds)
{
    private readonly List<OfferRecord> _offers = [];

    /// <summary>Parties at the table.</summary>
    public int PartyCount { get; } = partyCount;

    /// <summary>The deadline in rounds: moves happen in rounds 0 … Rounds − 1.</summary>
    public int Rounds { get; } = rounds;

    /// <summary>The current round (0-based).</summary>
    public int Round { get; internal set; }

    /// <summary>Normalised time t = Round / (Rounds − 1) in [0, 1]: 0 at the first round, 1 in the last.</summary>
    public double Time => Rounds <= 1 ? 1 : Math.Min(1.0, Round / (double)(Rounds - 1));

    /// <summary>Offers made so far, oldest first.</summary>
    public IReadOnlyList<OfferRecord> Offers => _offers;

    /// <summary>The offer on the table, if any.</summary>
    public OfferRecord? Standing => _offers.Count > 0 ? _offers[^1] : null;

    internal void Add(OfferRecord offer) => _offers.Add(offer);
}
