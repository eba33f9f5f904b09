using System.Buffers.Binary;

namespace Parley.Cluster.Jobs;

/// <summary>
/// A CPU-bound job with a checkable answer, for testing and benchmarking the cluster machinery itself:
/// run <c>i</c> hashes (seed, i) <see cref="SyntheticSpec.WorkPerRun"/> times.
/// </summary>
public sealed class SyntheticJob : IBatchJob<SyntheticSpec, SyntheticPartial>
{
    private const ulong Multiplier = 0x100000001B3UL; // FNV prime: odd, so powers never vanish mod 2^64.

    /// <summary>The one instance (the job is stateless).</summary>
    public static SyntheticJob Instance { get; } = new();

    /// <inheritdoc />
    public string Kind => "synthetic";

    /// <inheritdoc />
    public SyntheticPartial RunBatch(SyntheticSpec spec, long seed, int fromRun, int toRun)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentOutOfRangeException.ThrowIfLessThan(spec.WorkPerRun, 0);
        ArgumentOutOfRangeException.ThrowIfLessThan(fromRun, 0);
        ArgumentOutOfRangeException.ThrowIfLessThan(toRun, fromRun);
        ulong sum = 0, hash = 0, power = 1;
        for (var run = fromRun; run < toRun; run++)
        {
            var value = Mix(unchecked((ulong)seed ^ ((ulong)run * 0x9E3779B97F4A7C15UL)));
            for (var k = 0; k < spec.WorkPerRun; k++)
            {
                value = Mix(value);
            }

            unchecked
            {
                sum += value;
                hash = (hash * Multiplier) + value;
                power *= Multiplier;
            }
        }

        return new SyntheticPartial(toRun - fromRun, sum, hash, power);
    }

    /// <inheritdoc />
    public SyntheticPartial Merge(SyntheticPartial left, SyntheticPartial right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        return unchecked(new SyntheticPartial(left.Runs + right.Runs, left.Sum + right.Sum, (left.Hash * right.Power) + right.Hash, left.Power * right.Power));
    }

    /// <inheritdoc />
    public byte[] EncodeSpec(SyntheticSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var bytes = new byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(bytes, spec.WorkPerRun);
        return bytes;
    }

    /// <inheritdoc />
    public SyntheticSpec DecodeSpec(ReadOnlySpan<byte> bytes) => bytes.Length == 4
        ? new SyntheticSpec(BinaryPrimitives.ReadInt32LittleEndian(bytes))
        : throw new ArgumentException($"synthetic spec: expected 4 bytes, got {bytes.Length}", nameof(bytes));

    /// <inheritdoc />
    public byte[] EncodePartial(SyntheticPartial result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var bytes = new byte[32];
        BinaryPrimitives.WriteInt64LittleEndian(bytes, result.Runs);
        BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(8), result.Sum);
        BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(16), result.Hash);
        BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(24), result.Power);
        return bytes;
    }

    /// <inheritdoc />
    public SyntheticPartial DecodePartial(ReadOnlySpan<byte> bytes) => bytes.Length == 32
        ? new SyntheticPartial(
            BinaryPrimitives.ReadInt64LittleEndian(bytes),
            BinaryPrimitives.ReadUInt64LittleEndian(bytes[8..]),
            BinaryPrimitives.ReadUInt64LittleEndian(bytes[16..]),
            BinaryPrimitives.ReadUInt64LittleEndian(bytes[24..]))
        : throw new ArgumentException($"synthetic partial: expected 32 bytes, got {bytes.Length}", nameof(bytes));

    // SplitMix64 finaliser: cheap, well mixed, deterministic.
    private static ulong Mix(ulong x)
    {
        unchecked
        {
            x += 0x9E3779B97F4A7C15UL;
            x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
            x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
            return x ^ (x >> 31);
        }
    }
}
