namespace Parley.Bargaining;

/// <summary>What one party gets from a solution.</summary>
/// <param name="PartyId">The party.</param>
/// <param name="Utility">Its utility for the package.</param>
/// <param name="Gain">Utility minus its reservation value (≥ 0 inside the zone, up to the tolerance).</param>
/// <param name="Concession">Its best utility over the agreement zone (its ideal) minus this utility.</param>
public sealed record PartyOutcome(string PartyId, double Utility, double Gain, double Concession);
