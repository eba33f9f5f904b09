namespace Parley.Negotiation.Simulation;

/// <summary>
/// Multipliers and offsets applied to the declared priors, one factor at a time in a sensitivity run.
/// The identity (<see cref="None"/>) leaves the priors as declared.
/// </summary>
/// <param name="ScoreNoise">Multiplies the score noise.</param>
/// <param name="WeightNoise">Multiplies the spread of the weights (κ is divided by its square).</param>
/// <param name="ReservationOffset">Added to every reservation value.</param>
/// <param name="Erosion">Multiplies the reservation erosion per week.</param>
/// <param name="FirmOffset">Added to the probability that a red line is firm at the start.</param>
/// <param name="Hazard">Multiplies the weekly softening hazard.</param>
/// <param name="Exponent">Multiplies the time-dependent concession exponent e.</param>
/// <param name="Delay">Multiplies meeting-arrangement and retry delays.</param>
/// <param name="ShiftedDeadline">Index (in the scenario's deadlines) of the deadline moved by <paramref name="DeadlineShift"/>, or −1.</param>
/// <param name="DeadlineShift">Days that deadline is moved (negative: earlier).</param>
public readonly record struct SensitivityKnobs(
    double ScoreNoise = 1,
    double WeightNoise = 1,
    double ReservationOffset = 0,
    double Erosion = 1,
    double FirmOffset = 0,
    double Hazard = 1,
    double Exponent = 1,
    double Delay = 1,
    int ShiftedDeadline = -1,
    double DeadlineShift = 0)
{
    /// <summary>Days each deadline is moved either way by the sensitivity analysis.</summary>
    public const int DeadlineShiftDays = 14;

    /// <summary>The declared priors, unchanged.</summary>
    public static SensitivityKnobs None { get; } = new(1, 1, 0, 1, 0, 1, 1, 1, -1, 0);

    /// <summary>True for the factor of a deadline's row (<see cref="FactorsFor"/>).</summary>
    public static bool IsDeadlineFactor(string factor) => factor?.StartsWith("deadline ", StringComparison.Ordinal) == true;

    /// <summary>Days deadline <paramref name="index"/> moves under these knobs.</summary>
    public double ShiftOf(int index) => index >= 0 && index == ShiftedDeadline ? DeadlineShift : 0;

    /// <summary>
    /// <see cref="Factors"/> and, for the plan's scenario, one row per deadline the simulation acts on (a stage's stall or
    /// close-stage deadline, any pressure deadline): "deadline D moved ±14 days".
    /// </summary>
    public static IReadOnlyList<(string Factor, string Low, string High, SensitivityKnobs LowKnobs, SensitivityKnobs HighKnobs)> FactorsFor(SimulationPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var used = plan.Stages.Select(s => s.DeadlineIndex).Concat(plan.Pressures.Select(p => p.DeadlineIndex)).Where(i => i >= 0).Distinct().Order();
        var deadlines = plan.Scenario.Process?.Deadlines;
        return [.. Factors, .. used.Select(i => ($"deadline {deadlines![i].Id} moved ±{DeadlineShiftDays} days", $"−{DeadlineShiftDays} d", $"+{DeadlineShiftDays} d",
            None with { ShiftedDeadline = i, DeadlineShift = -DeadlineShiftDays }, None with { ShiftedDeadline = i, DeadlineShift = DeadlineShiftDays }))];
    }

    /// <summary>The factors varied by a sensitivity analysis: name, low setting, high setting.</summary>
    public static IReadOnlyList<(string Factor, string Low, string High, SensitivityKnobs LowKnobs, SensitivityKnobs HighKnobs)> Factors { get; } =
    [
        ("score noise", "off", "×2", None with { ScoreNoise = 0 }, None with { ScoreNoise = 2 }),
        ("weight noise", "off", "×2", None with { WeightNoise = 0 }, None with { WeightNoise = 2 }),
        ("reservation values", "−5", "+5", None with { ReservationOffset = -5 }, None with { ReservationOffset = 5 }),
        ("reservation erosion per week", "off", "×2", None with { Erosion = 0 }, None with { Erosion = 2 }),
        ("red lines firm at start", "−0.1", "+0.1", None with { FirmOffset = -0.1 }, None with { FirmOffset = 0.1 }),
        ("red-line softening hazard", "×½", "×2", None with { Hazard = 0.5 }, None with { Hazard = 2 }),
        ("concession exponent e", "×½", "×2", None with { Exponent = 0.5 }, None with { Exponent = 2 }),
        ("meeting-arrangement delays", "×½", "×2", None with { Delay = 0.5 }, None with { Delay = 2 }),
    ];
}
