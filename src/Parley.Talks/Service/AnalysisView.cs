using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Parley.Bargaining;

namespace Parley.Talks.Service;

/// <summary>
/// The bargaining lens run on what the caller may see: a party on its own position (plus anything
/// disclosed to it), the mediator on what parties disclosed to it.
/// </summary>
/// <param name="Basis">What went in, one line per party (e.g. <c>UA: disclosed weights, scores, reservation</c>).</param>
/// <param name="Parties">Parties analysed, in utility order.</param>
/// <param name="Summary">One sentence.</param>
/// <param name="Result">
/// The lens's result in the one JSON shape of a bargaining result (<see cref="BargainingJson"/>, as
/// <c>parley bargain --format json</c> prints it), computed on the basis alone; null when nothing may be analysed yet.
/// A reservation value not disclosed stands in as the scale's minimum; red lines not disclosed are absent.
/// </param>
public sealed record AnalysisView(
    IReadOnlyList<string> Basis,
    IReadOnlyList<string> Parties,
    string Summary,
    JsonObject? Result)
{
    /// <summary>The solved problem behind <see cref="Result"/> (for plots drawn from it); not part of the JSON.</summary>
    [JsonIgnore]
    public BargainingResult? Solved { get; init; }
}
