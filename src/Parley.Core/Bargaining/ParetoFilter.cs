namespace Parley.Bargaining;

/// <summary>
/// Exact Pareto filtering on utilities rounded to a quantum (the table's tolerance), so values that differ only
/// by floating-point noise compare equal and never create false frontier points. Among points with equal rounded
/// utilities the one first in <c>tieBreak</c> order (lowest package) is kept.
/// </summary>
internal static class ParetoFilter
{
    public static long Key(double value, double quantum) => (long)Math.Round(value / quantum, MidpointRounding.AwayFromZero);

    /// <summary>
    /// Indices of the undominated points among <paramref name="count"/> points whose utilities are
    /// <paramref name="values"/>[i·P + p]. The result is ordered by the first party's utility, descending.
    /// </summary>
    public static int[] Filter(double[] values, int count, int parties, double quantum, Comparison<int> tieBreak)
    {
        var keys = new long[count * parties];
        for (var i = 0; i < keys.Length; i++)
        {
            keys[i] = Key(values[i], quantum);
        }

        var order = new int[count];
        for (var i = 0; i < count; i++)
        {
            order[i] = i;
        }

        // Lexicographically descending keys, then the tie-break: any point that dominates or equals another comes first.
        Array.Sort(order, (a, b) =>
        {
            for (var p = 0; p < parties; p++)
            {
                var c = keys[(b * parties) + p].CompareTo(keys[(a * parties) + p]);
                if (c != 0)
                {
                    return c;
                }
            }

            return tieBreak(a, b);
        });

        var kept = new List<int>();
        if (parties == 1)
        {
            if (count > 0)
            {
                kept.Add(order[0]);
            }
        }
        else if (parties == 2)
        {
            var best = long.MinValue;
            foreach (var i in order)
            {
                if (keys[(i * 2) + 1] > best)
                {
                    kept.Add(i);
                    best = keys[(i * 2) + 1];
                }
            }
        }
        else
        {
            foreach (var i in order)
            {
                var dominated = false;
                foreach (var f in kept)
                {
                    var all = true;
                    for (var p = 0; p < parties && all; p++)
                    {
                        all = keys[(f * parties) + p] >= keys[(i * parties) + p];
                    }

                    if (all)
                    {
                        dominated = true;
                        break;
                    }
                }

                if (!dominated)
                {
                    kept.Add(i);
                }
            }
        }

        return [.. kept];
    }

    /// <summary>Lexicographic comparison of two packages (lower first).</summary>
    public static int ComparePackages(ReadOnlySpan<int> a, ReadOnlySpan<int> b) => a.SequenceCompareTo(b);
}
