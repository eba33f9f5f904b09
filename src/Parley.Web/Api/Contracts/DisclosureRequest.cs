namespace Parley.Web.Api.Contracts;

/// <summary>Disclose parts of the caller's own position to the mediator.</summary>
/// <param name="Weights">Disclose the weights.</param>
/// <param name="Scores">Disclose the option scores.</param>
/// <param name="Reservation">Disclose the reservation value.</param>
/// <param name="RedLines">Red-line ids to disclose.</param>
/// <param name="Note">A message to the mediator.</param>
public sealed record DisclosureRequest(
    bool Weights,
    bool Scores,
    bool Reservation,
    List<string>? RedLines,
    string? Note);
