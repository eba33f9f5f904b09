using Parley.Talks.Ledger;

namespace Parley.Web.Api.Contracts;

/// <summary>What the caller (a party) lets the service compute with; every flag false revokes.</summary>
/// <param name="Weights">Weights and scores.</param>
/// <param name="Reservation">Reservation value.</param>
/// <param name="RedLines">Red lines.</param>
/// <param name="Named">Results may name the party and its red lines' ids.</param>
public sealed record ConsentRequest(bool Weights, bool Reservation, bool RedLines, bool Named);

/// <summary>A blind check over consenting parties.</summary>
/// <param name="Parties">At least two party ids.</param>
/// <param name="Rule"><c>max-min-gain</c> (default), <c>nash</c> or <c>kalai-smorodinsky</c>.</param>
/// <param name="Stage">The stage whose budget it uses (and whose participants the parties must be), or null for the talks as a whole.</param>
public sealed record BlindCheckRequest(List<string>? Parties, string? Rule, string? Stage);

/// <summary>Open a blind bidding round in a stage: on a numeric issue, or on a free quantity with its range.</summary>
/// <param name="Stage">Stage (every participant bids).</param>
/// <param name="Issue">A numeric issue of the scenario, or null.</param>
/// <param name="Subject">What the number is, when no issue is named.</param>
/// <param name="Min">Smallest admissible bid (free quantity only).</param>
/// <param name="Max">Largest admissible bid (free quantity only).</param>
/// <param name="Unit">Unit (free quantity only).</param>
public sealed record OpenBidRoundRequest(string? Stage, string? Issue, string? Subject, double? Min, double? Max, string? Unit);

/// <summary>A secret bound.</summary>
/// <param name="Side"><c>at-least</c> or <c>at-most</c>.</param>
/// <param name="Bound">The bound.</param>
/// <param name="RevealGap">Consent to show the gap in buckets if the bounds do not overlap.</param>
public sealed record BidRequest(BidSide? Side, double? Bound, bool RevealGap);

/// <summary>Table or revise a stage's single negotiating text (the mediator).</summary>
/// <param name="Stage">Stage.</param>
/// <param name="Package">Issue id → option id.</param>
/// <param name="Note">Free text.</param>
public sealed record SingleTextRequest(string? Stage, Dictionary<string, string>? Package, string? Note);

/// <summary>A participant's private marks on the latest round.</summary>
/// <param name="Round">The round marked (must be the latest; null: the latest).</param>
/// <param name="Marks">Issue id → <c>acceptable</c> or <c>needs-change</c>, for every issue of the text.</param>
public sealed record MarksRequest(int? Round, Dictionary<string, IssueMark?>? Marks);
