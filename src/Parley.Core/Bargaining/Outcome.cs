using Parley.Model;

namespace Parley.Bargaining;

/// <summary>A package with every party's utility (in the table's party order).</summary>
/// <param name="Package">One option index per issue, in issue order.</param>
/// <param name="Utilities">Utility per party, in party order.</param>
public sealed record Outcome(ValueList<int> Package, ValueList<double> Utilities);
