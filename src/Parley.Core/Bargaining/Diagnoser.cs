using Parley.Model;

namespace Parley.Bargaining;

/// <summary>
/// Explains an empty agreement zone. A <b>constraint item</b> is a red line or a party's reservation value.
/// Conflicts are minimal infeasible item sets (searched by increasing size, skipping supersets of conflicts
/// already found); relaxations are minimal red-line sets whose dropping reopens the zone; reservation cuts are
/// read off the frontier of the red-line-admissible packages (the largest utility a party can reach while the
/// others keep their values, and the smallest equal cut, both attained on that frontier).
/// Feasibility of a set is checked on the exact frontier of its red lines: some package meets the kept
/// reservation values iff some frontier package does.
/// </summary>
internal static class Diagnoser
{
    public static Diagnosis Diagnose(UtilityTable table, BargainingSolver.Analysis analysis, BargainingOptions options, CancellationToken cancel)
    {
        var redLines = table.Parties.SelectMany(p => p.RedLines.Select(r => r.Id)).ToList();
        var n = table.Parties.Count;
        var frontiers = new Dictionary<string, List<Outcome>>(StringComparer.Ordinal);
        List<Outcome> FrontierKeeping(IReadOnlyCollection<string> kept)
        {
            var key = string.Join("\n", kept);
            if (!frontiers.TryGetValue(key, out var frontier))
            {
                var restricted = table.WithoutRedLines(redLines.Where(r => !kept.Contains(r)));
                frontier = BargainingSolver.Analyse(restricted, options, cancel, count: false).Frontier;
                frontiers[key] = frontier;
            }

            return frontier;
        }

        bool Meets(Outcome o, IEnumerable<int> parties) => parties.All(p => o.Utilities[p] >= table.Parties[p].Reservation - table.Tolerance);

        // Conflicts over red lines and reservation values.
        var items = redLines.Select(r => (Id: r, RedLine: true, Party: -1))
            .Concat(table.Parties.Select((p, i) => (Id: p.Id + ":reservation", RedLine: false, Party: i))).ToList();
        var conflictCap = Math.Min(items.Count, options.MaxRelaxationSize + 1);
        var conflicts = new List<int[]>();
        foreach (var subset in Subsets(items.Count, conflictCap))
        {
            cancel.ThrowIfCancellationRequested();
            if (conflicts.Any(c => c.All(subset.Contains)))
            {
                continue;
            }

            var kept = subset.Where(i => items[i].RedLine).Select(i => items[i].Id).ToList();
            var reservations = subset.Where(i => !items[i].RedLine).Select(i => items[i].Party).ToList();
            if (!FrontierKeeping(kept).Any(o => Meets(o, reservations)))
            {
                conflicts.Add(subset);
            }
        }

        var redLinesAlone = analysis.Frontier.Count == 0;

        // Minimal red-line relaxations (reservation values kept).
        var relaxations = new List<Relaxation>();
        var found = new List<int[]>();
        var all = Enumerable.Range(0, n).ToArray();
        foreach (var subset in Subsets(redLines.Count, Math.Min(redLines.Count, options.MaxRelaxationSize)))
        {
            cancel.ThrowIfCancellationRequested();
            if (found.Any(f => f.All(subset.Contains)))
            {
                continue;
            }

            var dropped = subset.Select(i => redLines[i]).ToHashSet(StringComparer.Ordinal);
            if (FrontierKeeping([.. redLines.Where(r => !dropped.Contains(r))]).Any(o => Meets(o, all)))
            {
                found.Add(subset);
                var relaxed = table.WithoutRedLines(dropped);
                var result = BargainingSolver.Analyse(relaxed, options, cancel);
                relaxations.Add(new Relaxation(subset.Select(i => redLines[i]).ToValueList(), result.ZoneCount,
                    SolutionFinder.Find(SolutionKind.Nash, relaxed, result.Zone)));
            }
        }

        // Reservation cuts with every red line kept.
        var cuts = new List<ReservationCut>();
        if (!redLinesAlone)
        {
            var r = table.Parties.Select(p => p.Reservation).ToArray();
            for (var i = 0; i < n; i++)
            {
                var others = all.Where(p => p != i).ToArray();
                var reachable = analysis.Frontier.Where(o => Meets(o, others)).ToList();
                if (reachable.Count == 0)
                {
                    continue;
                }

                var cut = r[i] - reachable.Max(o => o.Utilities[i]);
                var lowered = (double[])r.Clone();
                lowered[i] -= cut;
                cuts.Add(Cut(table, ValueList.Of(table.Parties[i].Id), ValueList.Of(cut), false, lowered, options, cancel));
            }

            var uniform = analysis.Frontier.Min(o => Enumerable.Range(0, n).Max(p => r[p] - o.Utilities[p]));
            cuts.Add(Cut(table, table.Parties.Select(p => p.Id).ToValueList(), Enumerable.Repeat(uniform, n).ToValueList(), true,
                [.. r.Select(v => v - uniform)], options, cancel));
        }

        return new Diagnosis(
            conflicts.Select(c => c.Select(i => items[i].Id).ToValueList()).ToValueList(),
            redLinesAlone,
            relaxations.ToValueList(),
            cuts.ToValueList(),
            options.MaxRelaxationSize);
    }

    private static ReservationCut Cut(UtilityTable table, ValueList<string> parties, ValueList<double> cuts, bool uniform, double[] lowered, BargainingOptions options, CancellationToken cancel)
    {
        var relaxed = table.WithReservations(lowered);
        var result = BargainingSolver.Analyse(relaxed, options, cancel);
        return new ReservationCut(parties, cuts, uniform, result.ZoneCount, SolutionFinder.Find(SolutionKind.Nash, relaxed, result.Zone));
    }

    /// <summary>Subsets of {0..n−1} with 1..maxSize members, by size then lexicographically.</summary>
    private static IEnumerable<int[]> Subsets(int n, int maxSize)
    {
        for (var size = 1; size <= maxSize; size++)
        {
            var idx = Enumerable.Range(0, size).ToArray();
            while (true)
            {
                yield return [.. idx];
                var j = size - 1;
                while (j >= 0 && idx[j] == n - size + j)
                {
                    j--;
                }

                if (j < 0)
                {
                    break;
                }

                idx[j]++;
                for (var m = j + 1; m < size; m++)
                {
                    idx[m] = idx[m - 1] + 1;
                }
            }
        }
    }
}
