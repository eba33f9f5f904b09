using Parley.Model;

namespace Parley.Bargaining;

/// <summary>
/// The smallest cut of reservation values that reopens an empty zone with every red line kept: either one party
/// lowering its own value (the others unchanged), or every party lowering by the same amount (<see cref="Uniform"/>).
/// </summary>
/// <param name="Parties">Ids of the parties whose reservation values are cut.</param>
/// <param name="Cuts">Cut per listed party (same order), on the table's scale.</param>
/// <param name="Uniform">True for the equal cut applied to every party.</param>
/// <param name="AgreementZone">Size of the reopened zone (null when too large to count).</param>
/// <param name="Nash">Nash solution in the reopened zone.</param>
public sealed record ReservationCut(ValueList<string> Parties, ValueList<double> Cuts, bool Uniform, long? AgreementZone, Solution? Nash);
