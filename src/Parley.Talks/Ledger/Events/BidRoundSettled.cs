namespace Parley.Talks.Ledger;

/// <summary>The last bid came in: the round settled at a value, or found no overlap. Stage contents.</summary>
/// <param name="Round">Round id.</param>
/// <param name="Overlap">True when the acceptable ranges overlap.</param>
/// <param name="Value">The settlement (the overlap's midpoint, on the step for a numeric issue), or null.</param>
/// <param name="Gap">Without overlap and with every bidder's consent: the gap as a share of the round's range in buckets, else null.</param>
public sealed record BidRoundSettled(string Round, bool Overlap, double? Value, string? Gap) : TalksEvent;
