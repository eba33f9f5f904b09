using Parley.Model;

namespace Parley.Bargaining;

/// <summary>A bargaining solution: the chosen package and each party's share.</summary>
/// <param name="Kind">Which solution concept.</param>
/// <param name="Outcome">The package and utilities.</param>
/// <param name="Label">The package as option ids joined by <c>|</c> (e.g. <c>C1|T4|G3|S3|Q3|V3</c>).</param>
/// <param name="Parties">Per party, in table order.</param>
public sealed record Solution(SolutionKind Kind, Outcome Outcome, string Label, ValueList<PartyOutcome> Parties);
