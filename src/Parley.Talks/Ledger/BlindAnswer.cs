namespace Parley.Talks.Ledger;

/// <summary>
/// All a blind check reveals: no utility, count, weight, score, reservation value or red-line text.
/// </summary>
/// <param name="Agreement">True when some package is acceptable to every party checked.</param>
/// <param name="Package">The suggested single-text package (issue id → option id), or null when there is none.</param>
/// <param name="Zone">The agreement zone's size as a bucket: <c>0</c>, <c>1-10</c>, <c>11-100</c> or <c>&gt;100</c>.</param>
/// <param name="Clashing">When the zone is empty: the parties whose constraints clash, of those that consented to be named.</param>
/// <param name="RedLinesToMove">When the zone is empty: how many red lines at least would have to move (null: no set of up to three would do).</param>
/// <param name="RedLinesNamed">Of one smallest set of red lines to move, the ids whose owners consented to be named.</param>
/// <param name="Basis">Per party checked, which consented parts were used (<c>weights</c>, <c>reservation</c>, <c>red-lines</c>).</param>
public sealed record BlindAnswer(
    bool Agreement,
    IReadOnlyDictionary<string, string>? Package,
    string Zone,
    IReadOnlyList<string>? Clashing,
    int? RedLinesToMove,
    IReadOnlyList<string>? RedLinesNamed,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Basis);
