using System.Collections.Concurrent;
using System.Text;
using Parley.Negotiation.Simulation;
using Parley.Scenarios;

namespace Parley.Cluster.Jobs;

/// <summary>
/// <c>parley simulate</c> on the cluster: batches of staged Monte Carlo runs (<see cref="StagedForecast.RunBatch(SimulationPlan, ulong, long, long)"/>),
/// merged as <see cref="SimulationTally"/> counts; exact, so any batching gives the in-process tally. A spec with
/// <see cref="SimulationJobSpec.Knobs"/> runs one setting of the sensitivity table.
/// </summary>
/// <remarks>
/// Spec wire format. Version 1 (declared priors; bytes unchanged since the first release): source, file, start day
/// (−1: none). Version 2 (with knobs): an empty source and <see cref="V2Marker"/> as the file name, start day −1, then
/// source, file, start day and the eight knob values. A silo that predates version 2 reads it as an empty scenario
/// and ends the job with an error naming the marker, rather than silently running the declared priors.
/// </remarks>
public sealed class SimulationJob : IBatchJob<SimulationJobSpec, SimulationTally>
{
    private const int PlanCacheSize = 8;
    private readonly ConcurrentDictionary<SimulationJobSpec, SimulationPlan> _plans = new();

    /// <summary>The file name a version-2 spec carries where a version-1 reader expects one; tells an old silo why it failed.</summary>
    internal const string V2Marker = "parley simulate spec v2 (sensitivity settings): this silo runs an older Parley build than the client";

    /// <summary>The one instance (its plan cache is shared by all batches on a silo).</summary>
    public static SimulationJob Instance { get; } = new();

    /// <inheritdoc />
    public string Kind => "simulate";

    /// <summary>Loads and compiles the scenario as <c>parley simulate</c> does; throws <see cref="ArgumentException"/> naming the file on errors.</summary>
    public static SimulationPlan Compile(SimulationJobSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var loaded = ScenarioLoader.Load(spec.Source, spec.File);
        var scenario = loaded.Scenario ?? throw new ArgumentException(string.Join(Environment.NewLine, loaded.Diagnostics), nameof(spec));
        return SimulationPlan.Compile(scenario, SimulationSpec.Of(scenario, spec.File), spec.Start);
    }

    /// <inheritdoc />
    public SimulationTally RunBatch(SimulationJobSpec spec, long seed, int fromRun, int toRun)
    {
        ArgumentNullException.ThrowIfNull(spec);
        // Compiling the scenario costs far more than a small batch: keep a few recent plans per silo.
        // The knobs do not change the plan: the sensitivity settings of one scenario share its entry.
        var key = spec.Knobs is null ? spec : spec with { Knobs = null };
        if (!_plans.TryGetValue(key, out var plan))
        {
            if (_plans.Count >= PlanCacheSize)
            {
                _plans.Clear();
            }

            plan = _plans.GetOrAdd(key, Compile);
        }

        return StagedForecast.RunBatch(plan, unchecked((ulong)seed), fromRun, toRun, spec.Knobs ?? SensitivityKnobs.None);
    }

    /// <inheritdoc />
    /// <remarks>Adds into <paramref name="left"/> and returns it (tallies decoded from the wire are not shared).</remarks>
    public SimulationTally Merge(SimulationTally left, SimulationTally right)
    {
        ArgumentNullException.ThrowIfNull(left);
        left.Merge(right);
        return left;
    }

    /// <inheritdoc />
    public byte[] EncodeSpec(SimulationJobSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        using var stream = new MemoryStream();
        using (var w = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            if (spec.Knobs is { } knobs)
            {
                w.Write(string.Empty);
                w.Write(V2Marker);
                w.Write(-1);
                WriteV1(w, spec);
                foreach (var value in Values(knobs)[..^1])
                {
                    w.Write(value);
                }

                w.Write(knobs.ShiftedDeadline);
                w.Write(knobs.DeadlineShift);
            }
            else
            {
                WriteV1(w, spec);
            }
        }

        return stream.ToArray();
    }

    /// <inheritdoc />
    public SimulationJobSpec DecodeSpec(ReadOnlySpan<byte> bytes)
    {
        try
        {
            using var r = new BinaryReader(new MemoryStream(bytes.ToArray(), writable: false), Encoding.UTF8);
            var spec = ReadV1(r);
            if (spec.Source.Length == 0 && spec.File == V2Marker && spec.Start is null)
            {
                spec = ReadV1(r) with
                {
                    Knobs = new SensitivityKnobs(r.ReadDouble(), r.ReadDouble(), r.ReadDouble(), r.ReadDouble(),
                        r.ReadDouble(), r.ReadDouble(), r.ReadDouble(), r.ReadDouble(), r.ReadInt32(), r.ReadDouble()),
                };
                if (Values(spec.Knobs.Value).Any(v => !double.IsFinite(v)))
                {
                    throw new FormatException("a sensitivity knob is not a finite number");
                }
            }

            if (r.BaseStream.Position != r.BaseStream.Length)
            {
                throw new FormatException("trailing bytes");
            }

            return spec;
        }
        catch (Exception ex) when (ex is EndOfStreamException or ArgumentOutOfRangeException or FormatException)
        {
            throw new ArgumentException("simulate spec: malformed", nameof(bytes), ex);
        }
    }

    private static void WriteV1(BinaryWriter w, SimulationJobSpec spec)
    {
        w.Write(spec.Source);
        w.Write(spec.File);
        w.Write(spec.Start?.DayNumber ?? -1);
    }

    private static SimulationJobSpec ReadV1(BinaryReader r)
    {
        var source = r.ReadString();
        var file = r.ReadString();
        var day = r.ReadInt32();
        return new SimulationJobSpec(source, file, day < 0 ? null : DateOnly.FromDayNumber(day));
    }

    private static double[] Values(SensitivityKnobs k) =>
        [k.ScoreNoise, k.WeightNoise, k.ReservationOffset, k.Erosion, k.FirmOffset, k.Hazard, k.Exponent, k.Delay, k.DeadlineShift];

    /// <inheritdoc />
    public byte[] EncodePartial(SimulationTally result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.ToBytes();
    }

    /// <inheritdoc />
    public SimulationTally DecodePartial(ReadOnlySpan<byte> bytes) => SimulationTally.FromBytes(bytes);
}
