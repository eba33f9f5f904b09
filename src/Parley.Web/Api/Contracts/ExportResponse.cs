using Parley.Talks.Service;

namespace Parley.Web.Api.Contracts;

/// <summary>One page of everything a caller may see: the overview and a page of its share of the ledger.</summary>
/// <param name="Overview">What the caller sees of the talks now.</param>
/// <param name="Events">A page of its events.</param>
/// <param name="Next">Pass as <c>after</c> for the next page; null on the last one.</param>
public sealed record ExportResponse(
    TalksOverview Overview,
    IReadOnlyList<EventView> Events,
    string? Next);
