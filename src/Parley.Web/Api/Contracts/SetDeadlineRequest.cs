using Parley.Model;

namespace Parley.Web.Api.Contracts;

/// <summary>Set a deadline.</summary>
/// <param name="Id">Id (generated when absent).</param>
/// <param name="Name">Description.</param>
/// <param name="Date">The day it falls due (expires at the end of that day, UTC).</param>
/// <param name="Stage">Stage it applies to.</param>
/// <param name="Consequence">notice, stall, pressure or close-stage.</param>
/// <param name="Note">The consequence in words.</param>
public sealed record SetDeadlineRequest(
    string? Id,
    string? Name,
    DateOnly? Date,
    string? Stage,
    DeadlineConsequence Consequence,
    string? Note);
