using Parley.Model;

namespace Parley.Bargaining;

/// <summary>A minimal set of red lines whose dropping reopens an empty agreement zone.</summary>
/// <param name="Drop">Ids of the red lines dropped.</param>
/// <param name="AgreementZone">Size of the reopened zone (null when the space is too large to count).</param>
/// <param name="Nash">Nash solution in the reopened zone.</param>
public sealed record Relaxation(ValueList<string> Drop, long? AgreementZone, Solution? Nash);
