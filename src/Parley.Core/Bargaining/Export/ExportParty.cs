namespace Parley.Bargaining.Export;

/// <summary>
/// A party's preferences on the 0–1 scale the interchange formats use: weights divided by their sum, each option's
/// score mapped by <c>(score − scale.Min) / (scale.Max − scale.Min)</c>, the reservation value likewise. Utilities are
/// then <c>Σ_k Weights[k]·Values[k][o]</c>, the scenario's utilities mapped the same way (an affine map, so zones,
/// frontiers and solutions are unchanged).
/// </summary>
/// <param name="Id">Party id.</param>
/// <param name="Name">Display name.</param>
/// <param name="Weights">Per issue, summing to 1.</param>
/// <param name="Values">Per issue, per option: the value on 0–1.</param>
/// <param name="Reservation">Reservation value on 0–1.</param>
/// <param name="Scores">Per issue, per option: the score on the scenario's scale (for ratios computed without a detour through 0–1).</param>
internal sealed record ExportParty(string Id, string Name, double[] Weights, double[][] Values, double Reservation, double[][] Scores);
