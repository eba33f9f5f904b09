using Parley.Model;

namespace Parley.Negotiation.Simulation;

/// <summary>What a forecast samples per run. All zero/none means the declared numbers are taken as exact.</summary>
/// <param name="ScoreNoise">Standard deviation of normal noise added to every option score (scale units; clipped to the scale).</param>
/// <param name="WeightConcentration">Dirichlet concentration κ around the declared weights (0 = no noise; larger = less noise).</param>
/// <param name="ReservationShift">Added to each party's reservation value once per run.</param>
/// <param name="ErosionPerWeek">Each party's reservation value falls by this much per simulated week (cost of war, pressure).</param>
/// <param name="Firm">Probability that a red line is firm at the start (otherwise it is soft and does not bind).</param>
/// <param name="SofteningPerWeek">Weekly hazard that a firm red line softens.</param>
/// <param name="RedLines">Per red line overrides of <see cref="Firm"/> and <see cref="SofteningPerWeek"/>.</param>
public sealed record UncertaintySpec(
    double ScoreNoise,
    double WeightConcentration,
    Distribution ReservationShift,
    Distribution ErosionPerWeek,
    double Firm,
    double SofteningPerWeek,
    ValueList<KeyValuePair<string, RedLineFirmness>> RedLines)
{
    /// <summary>No uncertainty: red lines always firm, nothing drifts.</summary>
    public static UncertaintySpec None { get; } = new(0, 0, Distribution.Constant(0), Distribution.Constant(0), 1, 0, ValueList<KeyValuePair<string, RedLineFirmness>>.Empty);

    /// <summary>Firmness of a red line.</summary>
    public RedLineFirmness FirmnessOf(string redLineId) =>
        RedLines.FirstOrDefault(r => r.Key == redLineId).Value ?? new RedLineFirmness(Firm, SofteningPerWeek);
}
