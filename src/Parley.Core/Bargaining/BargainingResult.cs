using Parley.Model;

namespace Parley.Bargaining;

/// <summary>
/// Everything the bargaining lens computes for one table. Utilities are listed in <see cref="Parties"/> order.
/// </summary>
/// <param name="Table">The input (space, parties, scale).</param>
/// <param name="Outcomes">Number of packages in the whole space.</param>
/// <param name="Admissible">Number of packages that break no red line (reservation values ignored).</param>
/// <param name="AgreementZone">Number of packages acceptable to every party; null when the space is above <see cref="BargainingOptions.EnumerationLimit"/> and the zone is not empty.</param>
/// <param name="Pareto">Pareto frontier of the agreement zone, by the first party's utility descending.</param>
/// <param name="SpaceFrontier">Pareto frontier of the whole space, ignoring red lines and reservation values.</param>
/// <param name="Ideals">Per party, its best utility over the zone (empty when the zone is empty).</param>
/// <param name="Nash">Nash bargaining solution, or null when the zone is empty.</param>
/// <param name="KalaiSmorodinsky">Kalai–Smorodinsky solution, or null.</param>
/// <param name="Egalitarian">Egalitarian solution, or null.</param>
/// <param name="Utilitarian">Utilitarian solution, or null.</param>
/// <param name="Diagnosis">Why the zone is empty and what reopens it; null when the zone is not empty or diagnosis was off.</param>
public sealed record BargainingResult(
    UtilityTable Table,
    double Outcomes,
    double Admissible,
    long? AgreementZone,
    ValueList<Outcome> Pareto,
    ValueList<Outcome> SpaceFrontier,
    ValueList<double> Ideals,
    Solution? Nash,
    Solution? KalaiSmorodinsky,
    Solution? Egalitarian,
    Solution? Utilitarian,
    Diagnosis? Diagnosis)
{
    /// <summary>Party ids in result order.</summary>
    public IReadOnlyList<string> Parties => [.. Table.Parties.Select(p => p.Id)];

    /// <summary>True when at least one package is acceptable to every party.</summary>
    public bool HasAgreement => Pareto.Count > 0;

    /// <summary>The four solutions that exist, in the order Nash, KS, egalitarian, utilitarian.</summary>
    public IEnumerable<Solution> Solutions => new[] { Nash, KalaiSmorodinsky, Egalitarian, Utilitarian }.OfType<Solution>();
}
