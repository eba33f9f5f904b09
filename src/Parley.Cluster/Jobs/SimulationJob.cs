using System.Collections.Concurrent;
using System.Text;
using Parley.Negotiation.Simulation;
using Parley.Scenarios;

namespace Parley.Cluster.Jobs;

/// <summary>
/// <c>parley simulate</c> on the cluster: batches of staged Monte Carlo runs (<see cref="StagedForecast.RunBatch(SimulationPlan, ulong, long, long)"/>),
/// merged as <see cref="SimulationTally"/> counts; exact, so any batching gives the in-process tally.
/// </summary>
public sealed class SimulationJob : IBatchJob<SimulationJobSpec, SimulationTally>
{
    private const int PlanCacheSize = 8;
    private readonly ConcurrentDictionary<SimulationJobSpec, SimulationPlan> _plans = new();

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
        if (!_plans.TryGetValue(spec, out var plan))
        {
            if (_plans.Count >= PlanCacheSize)
            {
                _plans.Clear();
            }

            plan = _plans.GetOrAdd(spec, Compile);
        }

        return StagedForecast.RunBatch(plan, unchecked((ulong)seed), fromRun, toRun);
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
            w.Write(spec.Source);
            w.Write(spec.File);
            w.Write(spec.Start?.DayNumber ?? -1);
        }

        return stream.ToArray();
    }

    /// <inheritdoc />
    public SimulationJobSpec DecodeSpec(ReadOnlySpan<byte> bytes)
    {
        try
        {
            using var r = new BinaryReader(new MemoryStream(bytes.ToArray(), writable: false), Encoding.UTF8);
            var source = r.ReadString();
            var file = r.ReadString();
            var day = r.ReadInt32();
            return new SimulationJobSpec(source, file, day < 0 ? null : DateOnly.FromDayNumber(day));
        }
        catch (Exception ex) when (ex is EndOfStreamException or ArgumentOutOfRangeException or FormatException)
        {
            throw new ArgumentException("simulate spec: malformed", nameof(bytes), ex);
        }
    }

    /// <inheritdoc />
    public byte[] EncodePartial(SimulationTally result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.ToBytes();
    }

    /// <inheritdoc />
    public SimulationTally DecodePartial(ReadOnlySpan<byte> bytes) => SimulationTally.FromBytes(bytes);
}
