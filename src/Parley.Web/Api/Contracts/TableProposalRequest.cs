namespace Parley.Web.Api.Contracts;

/// <summary>Table a package, or counter one.</summary>
/// <param name="Id">Id (generated when absent).</param>
/// <param name="Stage">Stage it is tabled in.</param>
/// <param name="Package">Issue id → option id.</param>
/// <param name="Note">Free text.</param>
/// <param name="CounterTo">The proposal countered, if any.</param>
public sealed record TableProposalRequest(
    string? Id,
    string? Stage,
    Dictionary<string, string> Package,
    string? Note,
    string? CounterTo);
