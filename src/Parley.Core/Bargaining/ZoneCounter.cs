using System.Numerics;

namespace Parley.Bargaining;

/// <summary>
/// Streaming brute force over a <see cref="GroupedSpace"/>: counts the packages whose every party's utility
/// reaches its threshold. The last groups form a <b>block</b> whose per-party utility sums are precomputed
/// (structure of arrays); the other groups form a prefix walked in parallel chunks. For each prefix the block
/// is scanned with <see cref="Vector{T}"/> compares (one lane per package), after two exact shortcuts: the
/// whole block fails when some party cannot reach its threshold even with the block's best entry, and counts
/// fully when every party reaches it with the block's worst entry. Counts are integers, so the parallel sum is
/// deterministic.
/// </summary>
internal static class ZoneCounter
{
    private const int BlockLimit = 1 << 14;

    /// <summary>Number of packages with utility ≥ <paramref name="thresholds"/>[p] for every party p.</summary>
    /// <param name="space">The grouped space.</param>
    /// <param name="thresholds">Per-party thresholds (reservation − tolerance).</param>
    /// <param name="maxDegreeOfParallelism">Worker count (≥ 1).</param>
    /// <param name="shortcuts">False to scan every block entry (for measuring raw throughput).</param>
    /// <param name="cancel">Cancellation.</param>
    public static long Count(GroupedSpace space, double[] thresholds, int maxDegreeOfParallelism, bool shortcuts = true, CancellationToken cancel = default)
    {
        if (space.EmptyBecause is not null)
        {
            return 0;
        }

        var p = space.PartyCount;
        var groups = space.GroupCount;

        // Block: the longest run of last groups whose product stays within BlockLimit (at least one group).
        var split = groups - 1;
        long blockSize = space.ChoiceCount(groups - 1);
        while (split > 0 && blockSize * space.ChoiceCount(split - 1) <= BlockLimit)
        {
            split--;
            blockSize *= space.ChoiceCount(split);
        }

        var block = BuildBlock(space, split, (int)blockSize);
        var blockMin = new double[p];
        var blockMax = new double[p];
        for (var q = 0; q < p; q++)
        {
            blockMin[q] = block[q].Min();
            blockMax[q] = block[q].Max();
        }

        long prefixCount = 1;
        for (var g = 0; g < split; g++)
        {
            prefixCount = checked(prefixCount * space.ChoiceCount(g));
        }

        var chunks = (int)Math.Min(prefixCount, Math.Max(1, maxDegreeOfParallelism) * 16L);
        var partial = new long[chunks];
        Parallel.For(0, chunks, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, maxDegreeOfParallelism), CancellationToken = cancel }, chunk =>
        {
            var from = prefixCount * chunk / chunks;
            var to = prefixCount * (chunk + 1) / chunks;
            partial[chunk] = CountRange(space, split, block, blockMin, blockMax, thresholds, from, to, shortcuts, cancel);
        });
        return partial.Sum();
    }

    private static double[][] BuildBlock(GroupedSpace space, int split, int size)
    {
        var p = space.PartyCount;
        var block = new double[p][];
        for (var q = 0; q < p; q++)
        {
            block[q] = new double[size];
        }

        var digits = new int[space.GroupCount];
        for (var j = 0; j < size; j++)
        {
            for (var q = 0; q < p; q++)
            {
                var v = 0.0;
                for (var g = split; g < space.GroupCount; g++)
                {
                    v += space.Values[g][(digits[g] * p) + q];
                }

                block[q][j] = v;
            }

            for (var g = space.GroupCount - 1; g >= split; g--)
            {
                if (++digits[g] < space.ChoiceCount(g))
                {
                    break;
                }

                digits[g] = 0;
            }
        }

        return block;
    }

    private static long CountRange(GroupedSpace space, int split, double[][] block, double[] blockMin, double[] blockMax,
        double[] thresholds, long from, long to, bool shortcuts, CancellationToken cancel)
    {
        var p = space.PartyCount;
        var digits = new int[split];
        var rest = from;
        for (var g = split - 1; g >= 0; g--)
        {
            digits[g] = (int)(rest % space.ChoiceCount(g));
            rest /= space.ChoiceCount(g);
        }

        var need = new double[p];
        var needs = new Vector<double>[p];
        long count = 0;
        var size = block[0].Length;
        for (var index = from; index < to; index++)
        {
            if ((index & 0xFFF) == 0)
            {
                cancel.ThrowIfCancellationRequested();
            }

            var none = false;
            var all = true;
            for (var q = 0; q < p; q++)
            {
                var prefix = 0.0;
                for (var g = 0; g < split; g++)
                {
                    prefix += space.Values[g][(digits[g] * p) + q];
                }

                need[q] = thresholds[q] - prefix;
                none |= need[q] > blockMax[q];
                all &= need[q] <= blockMin[q];
            }

            if (shortcuts && none)
            {
                // No block entry reaches this party's threshold.
            }
            else if (shortcuts && all)
            {
                count += size;
            }
            else
            {
                count += p == 2 ? ScanTwo(block[0], block[1], need[0], need[1]) : Scan(block, need, needs);
            }

            for (var g = split - 1; g >= 0; g--)
            {
                if (++digits[g] < space.ChoiceCount(g))
                {
                    break;
                }

                digits[g] = 0;
            }
        }

        return count;
    }

    private static long ScanTwo(double[] a, double[] b, double needA, double needB)
    {
        var w = Vector<double>.Count;
        var va = new Vector<double>(needA);
        var vb = new Vector<double>(needB);
        var acc = Vector<long>.Zero;
        var j = 0;
        for (; j <= a.Length - w; j += w)
        {
            // Lanes that pass are all-ones (−1 as a long); subtracting them counts them.
            acc -= Vector.GreaterThanOrEqual(new Vector<double>(a, j), va) & Vector.GreaterThanOrEqual(new Vector<double>(b, j), vb);
        }

        var count = Vector.Sum(acc);
        for (; j < a.Length; j++)
        {
            if (a[j] >= needA && b[j] >= needB)
            {
                count++;
            }
        }

        return count;
    }

    private static long Scan(double[][] block, double[] need, Vector<double>[] needs)
    {
        var w = Vector<double>.Count;
        var p = block.Length;
        var size = block[0].Length;
        for (var q = 0; q < p; q++)
        {
            needs[q] = new Vector<double>(need[q]);
        }

        var acc = Vector<long>.Zero;
        var j = 0;
        for (; j <= size - w; j += w)
        {
            var mask = Vector.GreaterThanOrEqual(new Vector<double>(block[0], j), needs[0]);
            for (var q = 1; q < p; q++)
            {
                mask &= Vector.GreaterThanOrEqual(new Vector<double>(block[q], j), needs[q]);
            }

            acc -= mask;
        }

        var count = Vector.Sum(acc);
        for (; j < size; j++)
        {
            var ok = true;
            for (var q = 0; q < p && ok; q++)
            {
                ok = block[q][j] >= need[q];
            }

            if (ok)
            {
                count++;
            }
        }

        return count;
    }
}
