using Parley.Model;

namespace Parley.Negotiation.Simulation;

/// <summary>Shares of an issue's options among agreements.</summary>
/// <param name="Issue">Issue id.</param>
/// <param name="Shares">Option id and share, in option order.</param>
public sealed record IssueShares(string Issue, ValueList<KeyValuePair<string, double>> Shares);
