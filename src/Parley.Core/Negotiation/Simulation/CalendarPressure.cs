namespace Parley.Negotiation.Simulation;

/// <summary>A <c>pressure</c> deadline of the process, compiled.</summary>
/// <param name="DeadlineIndex">Its index in the scenario's deadlines (for the sensitivity analysis's shifts).</param>
/// <param name="Day">Days from the simulation's start to the end of its date (≤ 0: passed before the start).</param>
/// <param name="Parties">Indices of the parties it presses.</param>
internal sealed record CalendarPressure(int DeadlineIndex, double Day, int[] Parties);
