using System.Text;

namespace Parley.Negotiation.Simulation;

/// <summary>A compact, exact binary form of a tally, so batches run elsewhere (cluster silos) can send theirs back.</summary>
public sealed partial class SimulationTally
{
    private const byte WireVersion = 1;

    /// <summary>Encodes every count; <see cref="FromBytes"/> gives back an equal tally.</summary>
    public byte[] ToBytes()
    {
        using var stream = new MemoryStream();
        using (var w = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            w.Write(WireVersion);
            w.Write(StageCount);
            w.Write(HorizonDays);
            w.Write(_options.Length);
            foreach (var o in _options)
            {
                w.Write(o.Length);
            }

            w.Write(Runs);
            foreach (var h in _opened.Concat(_succeeded).Append(_agreements).Append(_failedAt).Concat(_options))
            {
                foreach (var count in h)
                {
                    w.Write(count);
                }
            }

            w.Write(_packages.Count);
            foreach (var (key, count) in _packages)
            {
                w.Write(key);
                w.Write(count);
            }
        }

        return stream.ToArray();
    }

    /// <summary>Decodes <see cref="ToBytes"/>; throws <see cref="ArgumentException"/> on malformed input.</summary>
    public static SimulationTally FromBytes(ReadOnlySpan<byte> bytes)
    {
        try
        {
            using var stream = new MemoryStream(bytes.ToArray(), writable: false);
            using var r = new BinaryReader(stream, Encoding.UTF8);
            if (r.ReadByte() != WireVersion)
            {
                throw new ArgumentException("simulation tally: unknown wire version", nameof(bytes));
            }

            var stages = r.ReadInt32();
            var horizon = r.ReadInt32();
            var issues = r.ReadInt32();
            if (stages < 0 || horizon < 0 || issues < 0 || stages > 10_000 || horizon > 1_000_000 || issues > 10_000)
            {
                throw new ArgumentException("simulation tally: shape out of range", nameof(bytes));
            }

            var optionCounts = new int[issues];
            for (var k = 0; k < issues; k++)
            {
                optionCounts[k] = r.ReadInt32();
            }

            var tally = new SimulationTally(stages, horizon, optionCounts) { Runs = r.ReadInt64() };
            foreach (var h in tally._opened.Concat(tally._succeeded).Append(tally._agreements).Append(tally._failedAt).Concat(tally._options))
            {
                for (var i = 0; i < h.Length; i++)
                {
                    h[i] = r.ReadInt64();
                }
            }

            var packages = r.ReadInt32();
            for (var p = 0; p < packages; p++)
            {
                tally._packages[r.ReadString()] = r.ReadInt64();
            }

            return stream.Position == stream.Length ? tally : throw new ArgumentException("simulation tally: trailing bytes", nameof(bytes));
        }
        catch (EndOfStreamException ex)
        {
            throw new ArgumentException("simulation tally: truncated", nameof(bytes), ex);
        }
    }
}
