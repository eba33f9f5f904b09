namespace Parley.Web.Api.Contracts;

/// <summary>Table a package, or counter one. Its id is assigned by the service (it counts only the author's proposals in that stage).</summary>
/// <param name="Stage">Stage it is tabled in.</param>
/// <param name="Package">Issue id → option id.</param>
/// <param name="Note">Free text.</param>
/// <param name="CounterTo">The proposal countered, if any.</param>
public sealed record TableProposalRequest(
    string? Stage,
    Dictionary<string, string>? Package,
    string? Note,
    string? CounterTo);
