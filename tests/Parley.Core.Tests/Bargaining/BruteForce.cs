using Parley.Bargaining;
using Parley.Model;

namespace Parley.Core.Tests.Bargaining;

/// <summary>
/// A deliberately naive oracle: enumerate every package, test it with the public API, filter the frontier by
/// pairwise comparison. Shares no code with the solver's dynamic programme or counter.
/// </summary>
internal static class BruteForce
{
    public static List<Outcome> Zone(UtilityTable table)
    {
        var zone = new List<Outcome>();
        var count = table.Space.ExactCount!.Value;
        for (long i = 0; i < count; i++)
        {
            var package = table.Space.PackageAt(i);
            if (table.IsInZone(package))
            {
                zone.Add(new Outcome(package.ToValueList(), table.Utilities(package).ToValueList()));
            }
        }

        return zone;
    }

    public static long ZoneCount(UtilityTable table) => Zone(table).Count;

    /// <summary>Undominated zone packages (ties in rounded utilities: lowest package index), by first party's utility descending.</summary>
    public static List<Outcome> ZoneFrontier(UtilityTable table) => Frontier(Zone(table), table.Tolerance);

    public static List<Outcome> Frontier(List<Outcome> points, double quantum)
    {
        long[] Key(Outcome o) => [.. o.Utilities.Select(u => (long)Math.Round(u / quantum, MidpointRounding.AwayFromZero))];
        var keys = points.Select(Key).ToList();
        var result = new List<(Outcome Point, long[] Key)>();
        for (var i = 0; i < points.Count; i++)
        {
            var dominated = false;
            for (var j = 0; j < points.Count && !dominated; j++)
            {
                if (i == j)
                {
                    continue;
                }

                var geq = keys[j].Zip(keys[i]).All(z => z.First >= z.Second);
                var equal = keys[j].SequenceEqual(keys[i]);
                dominated = geq && (!equal || j < i);
            }

            if (!dominated)
            {
                result.Add((points[i], keys[i]));
            }
        }

        return [.. result.OrderByDescending(r => r.Key, Comparer<long[]>.Create((a, b) => a.AsSpan().SequenceCompareTo(b))).Select(r => r.Point)];
    }
}
