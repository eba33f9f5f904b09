namespace Parley.Web.Api.Contracts;

/// <summary>Appoint a negotiator for the caller's party.</summary>
/// <param name="Name">The negotiator.</param>
/// <param name="Role">Role, e.g. head of delegation.</param>
public sealed record AppointNegotiatorRequest(
    string? Name,
    string? Role);
