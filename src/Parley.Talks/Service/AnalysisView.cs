namespace Parley.Talks.Service;

/// <summary>
/// The bargaining lens run on what the caller may see: a party on its own position (plus anything
/// disclosed to it), the mediator on what parties disclosed to it.
/// </summary>
/// <param name="Basis">What went in, one line per party (e.g. <c>UA: disclosed weights, scores, reservation</c>).</param>
/// <param name="Parties">Parties analysed, in utility order.</param>
/// <param name="Summary">One sentence.</param>
/// <param name="Packages">Packages in the space.</param>
/// <param name="AgreementZone">Packages acceptable to every analysed party (null when too many to count).</param>
/// <param name="Rows">One row per solution: <c>solution</c>, <c>package</c>, then one utility per party.</param>
/// <param name="Frontier">Utilities (per party, in <paramref name="Parties"/> order) of the agreement zone's Pareto frontier.</param>
/// <param name="SpaceFrontier">Utilities of the whole space's Pareto frontier (red lines and reservations ignored).</param>
/// <param name="Reservations">Reservation value per analysed party (the scale minimum where none was disclosed).</param>
/// <param name="Diagnosis">When the zone is empty: the smallest sets of red lines whose dropping reopens it.</param>
public sealed record AnalysisView(
    IReadOnlyList<string> Basis,
    IReadOnlyList<string> Parties,
    string Summary,
    double Packages,
    long? AgreementZone,
    IReadOnlyList<IReadOnlyDictionary<string, string>> Rows,
    IReadOnlyList<IReadOnlyList<double>> Frontier,
    IReadOnlyList<IReadOnlyList<double>> SpaceFrontier,
    IReadOnlyList<double> Reservations,
    IReadOnlyList<IReadOnlyList<string>>? Diagnosis);
