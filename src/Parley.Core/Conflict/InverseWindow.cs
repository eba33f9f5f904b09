namespace Parley.Conflict;

/// <summary>Positions <see cref="From"/>..<see cref="To"/> (1-based, inclusive, clamped) of decision maker
/// <see cref="Dm"/>'s ranking (tiers of tied states, best first) that inverse GMCR may permute.</summary>
internal sealed record InverseWindow(int Dm, int From, int To);
