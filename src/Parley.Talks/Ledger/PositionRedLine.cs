namespace Parley.Talks.Ledger;

/// <summary>A red line in a position.</summary>
/// <param name="Id">Id unique within the talks (e.g. <c>UA-not-moscow</c>).</param>
/// <param name="Rule">The constraint in the scenario's condition syntax (e.g. <c>V != V1</c>).</param>
/// <param name="Note">Why (may be empty).</param>
public sealed record PositionRedLine(string Id, string Rule, string Note = "");
