using Parley.Talks.Ledger;
using Parley.Talks.Service;

namespace Parley.Web.Api.Contracts;

/// <summary>All a blind check reveals, with the budget left in its scope.</summary>
/// <param name="Check">Check id.</param>
/// <param name="Agreement">True when some package is acceptable to every party checked.</param>
/// <param name="Package">The suggested package, or null.</param>
/// <param name="Zone">Zone size bucket: <c>0</c>, <c>1-10</c>, <c>11-100</c>, <c>&gt;100</c>.</param>
/// <param name="Remaining">Checks and bidding rounds left in the scope.</param>
/// <param name="Clashing">Empty zone: the clashing parties that consented to be named.</param>
/// <param name="RedLinesToMove">Empty zone: how many red lines at least would have to move (null: more than three, or none would do).</param>
/// <param name="RedLinesNamed">Empty zone: ids of red lines to move whose owners consented to be named.</param>
/// <param name="Basis">Per party, which consented parts were used.</param>
/// <param name="Version">The caller's view version after the check.</param>
public sealed record BlindCheckResponse(
    string Check,
    bool Agreement,
    IReadOnlyDictionary<string, string>? Package,
    string Zone,
    int Remaining,
    IReadOnlyList<string>? Clashing,
    int? RedLinesToMove,
    IReadOnlyList<string>? RedLinesNamed,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Basis,
    long Version)
{
    internal static BlindCheckResponse From(BlindCheckMade made, int remaining, long version) => new(
        made.Check, made.Answer.Agreement, made.Answer.Package, made.Answer.Zone, remaining, made.Answer.Clashing,
        made.Answer.RedLinesToMove, made.Answer.RedLinesNamed, made.Answer.Basis, version);
}

/// <summary>The caller's consent after setting it.</summary>
/// <param name="Consent">What the service may compute with.</param>
/// <param name="Version">The caller's view version.</param>
public sealed record ConsentResponse(BlindConsent Consent, long Version);

/// <summary>A desk command's outcome.</summary>
/// <param name="Id">The round or proposal id it created (or null).</param>
/// <param name="Result">A bidding round's result, when the bid settled it.</param>
/// <param name="Version">The caller's view version.</param>
public sealed record DeskCommandResponse(string? Id, BidResult? Result, long Version);
