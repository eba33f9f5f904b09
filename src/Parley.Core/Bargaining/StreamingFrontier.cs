using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Parley.Bargaining;

/// <summary>
/// Fallback when red lines tie together too many issues for a compound group (<see cref="GroupedSpace"/>): enumerate
/// every package, exactly. The last issues form a <b>block</b> (at most <see cref="DefaultBlockLimit"/> packages)
/// whose per-party utility sums are precomputed; the other issues form a prefix walked like an odometer, so a
/// package's utility is one addition per party (prefix sum + block entry). Red lines are evaluated a block at a time
/// as bitsets (<see cref="BlockRedLines"/>), the zone is counted with vector compares, and admissible packages go
/// through a cheap dominance test against the chunk's running Pareto set (<see cref="RunningFrontier"/>) before
/// being buffered. A block, or a 64-package word of it, whose best corner (every party's best entry) is already covered is
/// skipped whole.
/// Prefixes are split into contiguous chunks processed in parallel; chunk frontiers are merged in chunk order and
/// filtered once more. Utilities are always formed the same way (prefix + block entry, independent of chunking) and
/// ties in rounded utilities go to the lowest package index, so the result does not depend on the thread count.
/// </summary>
internal static class StreamingFrontier
{
    /// <summary>Largest block (packages enumerated per prefix).</summary>
    internal const int DefaultBlockLimit = 1 << 12;

    // A single last issue with more options than this is left in the prefix (block of one package).
    private const int LargestIssueInBlock = 1 << 24;

    public sealed record Result(List<int[]> Frontier, long Admissible, long Zone);

    /// <param name="table">The table (its red lines are the constraints).</param>
    /// <param name="thresholds">Per-party zone thresholds (reservation − tolerance).</param>
    /// <param name="workers">Worker count (≥ 1); the result does not depend on it.</param>
    /// <param name="cancel">Cancellation.</param>
    /// <param name="shortcuts">False to disable the block-level shortcuts (for measuring per-package throughput).</param>
    /// <param name="blockLimit">Largest block (tests use small ones to get many blocks from small spaces).</param>
    public static Result Compute(UtilityTable table, double[] thresholds, int workers, CancellationToken cancel, bool shortcuts = true, int blockLimit = DefaultBlockLimit)
    {
        var space = table.Space;
        var total = space.ExactCount ?? throw new NotSupportedException("space too large to enumerate");
        var p = table.Parties.Count;
        if (total == 0)
        {
            return new Result([], 0, 0);
        }

        var n = space.Issues.Count;
        var radix = space.Issues.Select(i => i.OptionIds.Count).ToArray();
        var contributions = table.Parties.Select(party => party.Contributions.Select(c => c.ToArray()).ToArray()).ToArray();

        // Block: the longest run of last issues whose product stays within the limit (at least the last issue).
        var split = n;
        var block = 1;
        while (split > 0 && ((split == n && radix[n - 1] <= LargestIssueInBlock) || (long)block * radix[split - 1] <= blockLimit))
        {
            split--;
            block *= radix[split];
        }

        var words = (block + 63) / 64;
        var inner = BuildBlock(contributions, radix, split, block, words * 64);
        var innerMin = new double[p];
        var innerMax = new double[p];
        for (var q = 0; q < p; q++)
        {
            innerMin[q] = inner[q].AsSpan(0, block).ToArray().Min();
            innerMax[q] = inner[q].AsSpan(0, block).ToArray().Max();
        }

        var wordMax = new double[p][];
        for (var q = 0; q < p; q++)
        {
            wordMax[q] = new double[words];
            for (var w = 0; w < words; w++)
            {
                wordMax[q][w] = inner[q].AsSpan(w << 6, Math.Min(64, block - (w << 6))).ToArray().Max();
            }
        }

        var rules = BlockRedLines.Compile(space, [.. CompiledRedLines.For(table).SelectMany(r => r)], split, block);
        var prefixes = total / block;
        var chunks = (int)Math.Clamp(prefixes, 1, Math.Max(1, workers) * 4L);
        var frontiers = new (long[] Index, double[] Values)[chunks];
        var admissible = new long[chunks];
        var zone = new long[chunks];
        var lo = table.Parties[0].MinUtility;
        var hi = table.Parties[0].MaxUtility;
        Parallel.For(0, chunks, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, workers), CancellationToken = cancel }, chunk =>
        {
            var from = prefixes * chunk / chunks;
            var to = prefixes * (chunk + 1) / chunks;
            var running = new RunningFrontier(p, table.Tolerance, lo, hi);
            var bits = new ulong[words];
            var stack = rules.CreateStack();
            var prefix = new double[p];
            var ideal = new double[p];
            var outer = new int[split];
            var rest = from;
            for (var k = split - 1; k >= 0; k--)
            {
                outer[k] = (int)(rest % radix[k]);
                rest /= radix[k];
            }

            for (var at = from; at < to; at++)
            {
                cancel.ThrowIfCancellationRequested();
                long count = block;
                if (rules.IsEmpty)
                {
                    Admit(bits, block);
                }
                else
                {
                    count = rules.Evaluate(outer, bits, stack);
                }

                if (count > 0)
                {
                    for (var q = 0; q < p; q++)
                    {
                        var s = 0.0;
                        for (var k = 0; k < split; k++)
                        {
                            s += contributions[q][k][outer[k]];
                        }

                        prefix[q] = s;
                        ideal[q] = s + innerMax[q];
                    }

                    admissible[chunk] += count;
                    zone[chunk] += CountZone(bits, count, prefix, inner, innerMin, innerMax, thresholds, shortcuts);
                    if (!shortcuts || !running.Covers(ideal))
                    {
                        running.Offer(at * block, bits, prefix, inner, shortcuts ? wordMax : null);
                    }
                }

                for (var k = split - 1; k >= 0 && ++outer[k] == radix[k]; k--)
                {
                    outer[k] = 0;
                }
            }

            frontiers[chunk] = running.Finish();
        });

        var size = frontiers.Sum(f => f.Index.Length);
        var index = new long[size];
        var values = new double[size * p];
        var offset = 0;
        foreach (var (ix, vs) in frontiers)
        {
            ix.CopyTo(index, offset);
            vs.CopyTo(values, offset * p);
            offset += ix.Length;
        }

        var kept = RunningFrontier.Prune(index, values, size, p, table.Tolerance);
        return new Result([.. index.Take(kept).Select(space.PackageAt)], admissible.Sum(), zone.Sum());
    }

    // inner[q][j]: party q's utility from the block's issues for block position j (last issue fastest), padded.
    private static double[][] BuildBlock(double[][][] contributions, int[] radix, int split, int block, int padded)
    {
        var inner = new double[contributions.Length][];
        var digits = new int[radix.Length];
        for (var q = 0; q < inner.Length; q++)
        {
            inner[q] = new double[padded];
        }

        for (var j = 0; j < block; j++)
        {
            for (var q = 0; q < inner.Length; q++)
            {
                var s = 0.0;
                for (var k = split; k < radix.Length; k++)
                {
                    s += contributions[q][k][digits[k]];
                }

                inner[q][j] = s;
            }

            for (var k = radix.Length - 1; k >= split && ++digits[k] == radix[k]; k--)
            {
                digits[k] = 0;
            }
        }

        return inner;
    }

    private static void Admit(ulong[] bits, int block)
    {
        bits.AsSpan().Fill(ulong.MaxValue);
        if ((block & 63) != 0)
        {
            bits[^1] = (1UL << (block & 63)) - 1;
        }
    }

    // Admissible packages of the block whose utility reaches every party's threshold.
    private static long CountZone(ulong[] bits, long admissible, double[] prefix, double[][] inner, double[] innerMin, double[] innerMax,
        double[] thresholds, bool shortcuts)
    {
        if (shortcuts)
        {
            // Exact: floating-point addition is monotone, so the block's worst and best entries bound every package.
            var all = true;
            for (var q = 0; q < prefix.Length; q++)
            {
                if (prefix[q] + innerMax[q] < thresholds[q])
                {
                    return 0;
                }

                all &= prefix[q] + innerMin[q] >= thresholds[q];
            }

            if (all)
            {
                return admissible;
            }
        }

        long count = 0;
        for (var w = 0; w < bits.Length; w++)
        {
            var mask = bits[w];
            for (var q = 0; q < prefix.Length && mask != 0; q++)
            {
                mask &= Reaches(inner[q], w << 6, prefix[q], thresholds[q]);
            }

            count += BitOperations.PopCount(mask);
        }

        return count;
    }

    // Bit i set when prefix + values[start + i] ≥ threshold, for 64 consecutive entries.
    private static ulong Reaches(double[] values, int start, double prefix, double threshold)
    {
        ulong mask = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            ref var first = ref MemoryMarshal.GetArrayDataReference(values);
            var pv = Vector256.Create(prefix);
            var tv = Vector256.Create(threshold);
            for (var i = 0; i < 64; i += 4)
            {
                var u = Vector256.LoadUnsafe(ref first, (nuint)(start + i)) + pv;
                mask |= (ulong)Vector256.GreaterThanOrEqual(u, tv).ExtractMostSignificantBits() << i;
            }

            return mask;
        }

        for (var i = 0; i < 64; i++)
        {
            if (prefix + values[start + i] >= threshold)
            {
                mask |= 1UL << i;
            }
        }

        return mask;
    }
}
