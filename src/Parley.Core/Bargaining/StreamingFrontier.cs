namespace Parley.Bargaining;

/// <summary>
/// Fallback when red lines tie together too many issues for a compound group (<see cref="GroupedSpace"/>): enumerate
/// every package in parallel chunks, test the compiled red lines, and keep each chunk's running Pareto set (pruned
/// whenever its buffer fills). The chunk frontiers are merged and filtered once more. Because ties in rounded
/// utilities always go to the lowest package index, the result does not depend on how the space was chunked.
/// </summary>
internal static class StreamingFrontier
{
    private const int Buffer = 4096;

    public sealed record Result(List<int[]> Frontier, long Admissible, long Zone);

    public static Result Compute(UtilityTable table, double[] thresholds, int workers, CancellationToken cancel)
    {
        var space = table.Space;
        var total = space.ExactCount ?? throw new NotSupportedException("space too large to enumerate");
        var rules = CompiledRedLines.For(table).SelectMany(r => r).ToArray();
        var p = table.Parties.Count;
        var chunks = (int)Math.Clamp(total / 65536, 1, workers * 16L);
        var frontiers = new List<int[]>[chunks];
        var admissible = new long[chunks];
        var zone = new long[chunks];
        Parallel.For(0, chunks, new ParallelOptions { MaxDegreeOfParallelism = workers, CancellationToken = cancel }, chunk =>
        {
            var from = total * chunk / chunks;
            var to = total * (chunk + 1) / chunks;
            var kept = new List<int[]>();
            var values = new List<double>();
            var package = space.PackageAt(from);
            var u = new double[p];
            long[] pruned = [];
            for (var index = from; index < to; index++)
            {
                if ((index & 0xFFFF) == 0)
                {
                    cancel.ThrowIfCancellationRequested();
                }

                if (rules.All(r => r.Holds(package)))
                {
                    admissible[chunk]++;
                    var all = true;
                    for (var q = 0; q < p; q++)
                    {
                        u[q] = table.Parties[q].Utility(package);
                        all &= u[q] >= thresholds[q];
                    }

                    if (all)
                    {
                        zone[chunk]++;
                    }

                    // Skip candidates that the last pruned frontier already dominates or equals (they come later in
                    // package order, so an equal one would lose the tie anyway): no copy, no garbage.
                    if (!Covered(u, pruned, p, table.Tolerance))
                    {
                        kept.Add((int[])package.Clone());
                        values.AddRange(u);
                        if (kept.Count >= Buffer)
                        {
                            (kept, values) = Prune(kept, values, p, table.Tolerance);
                            pruned = [.. values.Select(v => ParetoFilter.Key(v, table.Tolerance))];
                        }
                    }
                }

                Next(space, package);
            }

            frontiers[chunk] = Prune(kept, values, p, table.Tolerance).Packages;
        });

        var merged = frontiers.SelectMany(f => f).ToList();
        var mergedValues = merged.SelectMany(pk => table.Utilities(pk)).ToList();
        return new Result(Prune(merged, mergedValues, p, table.Tolerance).Packages, admissible.Sum(), zone.Sum());
    }

    private static bool Covered(double[] u, long[] frontier, int p, double quantum)
    {
        Span<long> key = stackalloc long[p];
        for (var q = 0; q < p; q++)
        {
            key[q] = ParetoFilter.Key(u[q], quantum);
        }

        for (var f = 0; f < frontier.Length; f += p)
        {
            var all = true;
            for (var q = 0; q < p && all; q++)
            {
                all = frontier[f + q] >= key[q];
            }

            if (all)
            {
                return true;
            }
        }

        return false;
    }

    private static (List<int[]> Packages, List<double> Values) Prune(List<int[]> packages, List<double> values, int p, double quantum)
    {
        var kept = ParetoFilter.Filter([.. values], packages.Count, p, quantum, (a, b) => ParetoFilter.ComparePackages(packages[a], packages[b]));
        var nextValues = new List<double>(kept.Length * p);
        foreach (var i in kept)
        {
            nextValues.AddRange(values.Skip(i * p).Take(p));
        }

        return ([.. kept.Select(i => packages[i])], nextValues);
    }

    private static void Next(OutcomeSpace space, int[] package)
    {
        for (var k = package.Length - 1; k >= 0; k--)
        {
            if (++package[k] < space.Issues[k].OptionIds.Count)
            {
                return;
            }

            package[k] = 0;
        }
    }
}
