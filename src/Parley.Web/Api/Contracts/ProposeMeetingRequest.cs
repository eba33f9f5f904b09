namespace Parley.Web.Api.Contracts;

/// <summary>Propose a meeting of a stage at a venue.</summary>
/// <param name="Id">Id (generated when absent).</param>
/// <param name="Stage">Stage id.</param>
/// <param name="Venue">Venue id.</param>
/// <param name="Date">Day, if known.</param>
public sealed record ProposeMeetingRequest(
    string? Id,
    string? Stage,
    string? Venue,
    DateOnly? Date);
