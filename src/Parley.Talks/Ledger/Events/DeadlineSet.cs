using Parley.Model;

namespace Parley.Talks.Ledger;

/// <summary>A deadline was set.</summary>
/// <param name="Deadline">Deadline id.</param>
/// <param name="Name">Description.</param>
/// <param name="Date">The day it falls due (it expires at the end of that day, UTC).</param>
/// <param name="Stage">Stage it applies to, or null.</param>
/// <param name="SetBy">Party that set it, or null.</param>
/// <param name="Consequence">What its expiry triggers.</param>
/// <param name="Note">The consequence in words.</param>
public sealed record DeadlineSet(string Deadline, string Name, DateOnly Date, string? Stage, string? SetBy, DeadlineConsequence Consequence, string Note) : TalksEvent;
