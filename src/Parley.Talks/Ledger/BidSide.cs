namespace Parley.Talks.Ledger;

/// <summary>Which end of a numeric issue a blind bid bounds.</summary>
public enum BidSide
{
    /// <summary>The bidder accepts the value or anything above it (a seller's floor).</summary>
    AtLeast,

    /// <summary>The bidder accepts the value or anything below it (a buyer's ceiling).</summary>
    AtMost,
}
