using Parley.Model;

namespace Parley.Negotiation.Simulation;

/// <summary>The effect of one pressure step (new deadline, new sanctions package), applied once per stall.</summary>
/// <param name="ReservationShift">Added to the reservation value (BATNA) of each pressed party at each step; negative erodes it. Drawn once per step.</param>
/// <param name="SofteningBoost">Added to the weekly softening hazard of each pressed party's red lines from each step on.</param>
/// <param name="Parties">The parties the step presses; empty = every party.</param>
public sealed record PressureSpec(Distribution ReservationShift, double SofteningBoost, ValueList<string> Parties)
{
    /// <summary>No effect.</summary>
    public static PressureSpec None { get; } = new(Distribution.Constant(0), 0, ValueList<string>.Empty);

    /// <summary>True when the step presses <paramref name="partyId"/>.</summary>
    public bool Presses(string partyId) => Parties.Count == 0 || Parties.Contains(partyId);
}
