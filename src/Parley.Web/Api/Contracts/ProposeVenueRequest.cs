namespace Parley.Web.Api.Contracts;

/// <summary>Put a venue forward (a party proposing it accepts it).</summary>
/// <param name="Id">Id (generated when absent).</param>
/// <param name="Name">Place.</param>
public sealed record ProposeVenueRequest(
    string? Id,
    string? Name);
