namespace Parley.Bargaining;

/// <summary>
/// Exact Pareto frontier of an additive problem without enumerating the product space: the frontier of a
/// Minkowski sum A+B only uses frontier points of A and of B (if a+b is undominated, so are a and b), so the
/// frontier is built group by group, merging the frontier so far with the next group's choices and pruning
/// dominated points after every step. Cost: Σ_g |F_g|·|choices_g|, independent of the product size.
/// </summary>
internal static class FrontierDp
{
    /// <summary>Frontier packages of the grouped space (no reservation filter), ordered by the first party's utility, descending.</summary>
    public static List<int[]> Frontier(GroupedSpace space, double quantum, CancellationToken cancel = default)
    {
        if (space.EmptyBecause is not null || space.GroupCount == 0)
        {
            return [];
        }

        var p = space.PartyCount;
        var stages = new List<(int[] Parent, int[] Choice)>();
        double[] current = [0.0];
        var currentCount = 1;
        for (var g = 0; g < space.GroupCount; g++)
        {
            cancel.ThrowIfCancellationRequested();
            var choices = space.ChoiceCount(g);
            var total = checked(currentCount * choices);
            var values = new double[(long)total * p];
            var parent = new int[total];
            var choice = new int[total];
            var gv = space.Values[g];
            for (var a = 0; a < currentCount; a++)
            {
                for (var c = 0; c < choices; c++)
                {
                    var i = (a * choices) + c;
                    parent[i] = a;
                    choice[i] = c;
                    for (var q = 0; q < p; q++)
                    {
                        values[(i * p) + q] = (g == 0 ? 0.0 : current[(a * p) + q]) + gv[(c * p) + q];
                    }
                }
            }

            var stage = g;
            var kept = ParetoFilter.Filter(values, total, p, quantum,
                (x, y) => ParetoFilter.ComparePackages(Partial(space, stages, stage, parent[x], choice[x]), Partial(space, stages, stage, parent[y], choice[y])));
            var next = new double[kept.Length * p];
            var keptParent = new int[kept.Length];
            var keptChoice = new int[kept.Length];
            for (var j = 0; j < kept.Length; j++)
            {
                Array.Copy(values, kept[j] * p, next, j * p, p);
                keptParent[j] = parent[kept[j]];
                keptChoice[j] = choice[kept[j]];
            }

            stages.Add((keptParent, keptChoice));
            current = next;
            currentCount = kept.Length;
        }

        var last = stages.Count - 1;
        var result = new List<int[]>(currentCount);
        for (var j = 0; j < currentCount; j++)
        {
            result.Add(Partial(space, stages, last, stages[last].Parent[j], stages[last].Choice[j]));
        }

        return result;
    }

    /// <summary>The package so far of a candidate at stage <paramref name="stage"/> (unset issues are 0).</summary>
    private static int[] Partial(GroupedSpace space, List<(int[] Parent, int[] Choice)> stages, int stage, int parent, int choice)
    {
        var package = new int[space.IssueCount];
        space.Apply(stage, choice, package);
        for (var s = stage - 1; s >= 0; s--)
        {
            space.Apply(s, stages[s].Choice[parent], package);
            parent = stages[s].Parent[parent];
        }

        return package;
    }
}
