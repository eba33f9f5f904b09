namespace Parley.Talks.Ledger;

/// <summary>A secret bound in a bidding round. Seen by the bidder only, never revealed, not even after settlement.</summary>
/// <param name="Round">Round id.</param>
/// <param name="Party">Bidder.</param>
/// <param name="Side">Which end the bound is.</param>
/// <param name="Bound">The acceptable bound.</param>
/// <param name="RevealGap">The bidder consents to the gap being shown in buckets when the bounds do not overlap.</param>
public sealed record BidSubmitted(string Round, string Party, BidSide Side, double Bound, bool RevealGap) : TalksEvent;
