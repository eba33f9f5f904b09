namespace Parley.Negotiation.Simulation;

/// <summary>A <see cref="SimulationTally"/> as plain arrays (serialisable with System.Text.Json or Orleans surrogates).</summary>
/// <param name="Runs">Runs counted.</param>
/// <param name="HorizonDays">Days counted.</param>
/// <param name="Opened">Per stage, per day: runs that first opened the stage that day.</param>
/// <param name="Succeeded">Per stage, per day: runs whose stage succeeded that day.</param>
/// <param name="Agreements">Per day: runs that agreed that day.</param>
/// <param name="FailedAt">Per stage: runs that ended for good there.</param>
/// <param name="Options">Per issue, per option: agreements choosing it.</param>
/// <param name="Packages">Agreed packages and counts.</param>
#pragma warning disable CA1819 // A snapshot is a plain data carrier for serialisers; arrays are the point.
public sealed record SimulationTallySnapshot(
    long Runs,
    int HorizonDays,
    long[][] Opened,
    long[][] Succeeded,
    long[] Agreements,
    long[] FailedAt,
    long[][] Options,
    KeyValuePair<string, long>[] Packages);
#pragma warning restore CA1819
