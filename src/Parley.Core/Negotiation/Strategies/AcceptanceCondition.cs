namespace Parley.Negotiation.Strategies;

/// <summary>
/// Acceptance conditions (Baarslag, Hindriks &amp; Jonker 2014, "Effective acceptance conditions in
/// multi-issue negotiation"). Whatever the condition, an agent never accepts a package that breaks one of
/// its firm red lines or falls below its reservation value.
/// </summary>
/// <param name="Kind">Which condition.</param>
/// <param name="Alpha">AC_next: accept when α·u(offer) + β ≥ u(next own bid).</param>
/// <param name="Beta">AC_next offset.</param>
/// <param name="Constant">AC_const: accept when u(offer) ≥ this.</param>
/// <param name="Time">AC_combi: from this normalised time on, also accept the best offer received so far.</param>
internal sealed record AcceptanceCondition(AcceptanceKind Kind, double Alpha = 1, double Beta = 0, double Constant = 0, double Time = 0.98)
{
    public static AcceptanceCondition Next { get; } = new(AcceptanceKind.Next);

    /// <summary>True when the agent accepts <paramref name="offerUtility"/>; <paramref name="bestBefore"/> is the best own utility of earlier offers.</summary>
    public bool Accepts(double offerUtility, double nextBidUtility, double time, double bestBefore) => Kind switch
    {
        AcceptanceKind.Next => (Alpha * offerUtility) + Beta >= nextBidUtility - 1e-12,
        AcceptanceKind.Const => offerUtility >= Constant,
        AcceptanceKind.Combi => (Alpha * offerUtility) + Beta >= nextBidUtility - 1e-12 || (time >= Time && offerUtility >= bestBefore - 1e-12),
        _ => false,
    };

    public override string ToString() => Kind switch
    {
        AcceptanceKind.Next => Alpha == 1 && Beta == 0 ? "next" : $"next({Alpha:R},{Beta:R})",
        AcceptanceKind.Const => $"const({Constant:R})",
        _ => $"combi({Time:R})",
    };
}
