namespace Parley.Bargaining;

/// <summary>
/// The constrained package space written as a product of independent <b>groups</b>. Issues tied together by
/// a red line over several issues form one compound group whose choices are the allowed combinations
/// (in lexicographic order); every other issue is its own group, with the options its single-issue red lines
/// forbid removed. Because the constrained space is again a product, additive utilities stay additive over
/// groups and the frontier dynamic programme and the vectorised counter work unchanged.
/// </summary>
internal sealed class GroupedSpace
{
    private GroupedSpace(int parties, int issues, int[][] groupIssues, int[][] choiceOptions, double[][] values, string? emptyBecause)
    {
        PartyCount = parties;
        IssueCount = issues;
        GroupIssues = groupIssues;
        ChoiceOptions = choiceOptions;
        Values = values;
        EmptyBecause = emptyBecause;
    }

    public int PartyCount { get; }

    public int IssueCount { get; }

    /// <summary>Issues per group (ascending within a group; groups ordered by their first issue).</summary>
    public int[][] GroupIssues { get; }

    /// <summary>[g][c·|group| + j]: option of the j-th issue of group g in choice c.</summary>
    public int[][] ChoiceOptions { get; }

    /// <summary>[g][c·P + p]: party p's utility contribution of choice c of group g.</summary>
    public double[][] Values { get; }

    /// <summary>Non-null when no package satisfies the red lines (a group has no allowed choice).</summary>
    public string? EmptyBecause { get; }

    public int GroupCount => GroupIssues.Length;

    public int ChoiceCount(int g) => ChoiceOptions[g].Length / GroupIssues[g].Length;

    /// <summary>Number of packages satisfying every red line.</summary>
    public double Count => EmptyBecause is not null ? 0 : Enumerable.Range(0, GroupCount).Aggregate(1.0, (a, g) => a * ChoiceCount(g));

    /// <summary>Writes the options of choice <paramref name="c"/> of group <paramref name="g"/> into a package.</summary>
    public void Apply(int g, int c, int[] package)
    {
        var issues = GroupIssues[g];
        for (var j = 0; j < issues.Length; j++)
        {
            package[issues[j]] = ChoiceOptions[g][(c * issues.Length) + j];
        }
    }

    /// <summary>
    /// Groups the table's space under all its parties' red lines. Returns null when a compound group would have more
    /// than <paramref name="compoundLimit"/> combinations to check.
    /// </summary>
    public static GroupedSpace? Build(UtilityTable table, long compoundLimit = 1 << 22)
    {
        var space = table.Space;
        var n = space.Issues.Count;
        var rules = table.Parties.SelectMany(p => p.RedLines).Select(r => RedLineCompiler.Compile(space, r)).ToList();

        var parent = Enumerable.Range(0, n).ToArray();
        int Find(int x) => parent[x] == x ? x : parent[x] = Find(parent[x]);
        foreach (var rule in rules)
        {
            for (var j = 1; j < rule.Issues.Length; j++)
            {
                parent[Find(rule.Issues[j])] = Find(rule.Issues[0]);
            }
        }

        var groups = Enumerable.Range(0, n).GroupBy(Find).Select(g => g.Order().ToArray()).OrderBy(g => g[0]).ToArray();
        var groupOf = new int[n];
        for (var g = 0; g < groups.Length; g++)
        {
            foreach (var k in groups[g])
            {
                groupOf[k] = g;
            }
        }

        string? empty = null;
        foreach (var rule in rules.Where(r => r.Issues.Length == 0 && !r.Holds([])))
        {
            empty ??= $"red line {rule.Id} can never hold";
        }

        var p = table.Parties.Count;
        var choiceOptions = new int[groups.Length][];
        var values = new double[groups.Length][];
        var package = new int[n];
        for (var g = 0; g < groups.Length; g++)
        {
            var issues = groups[g];
            var combos = issues.Aggregate(1.0, (a, k) => a * space.Issues[k].OptionIds.Count);
            if (combos > compoundLimit)
            {
                return null;
            }

            var groupRules = rules.Where(r => r.Issues.Length > 0 && groupOf[r.Issues[0]] == g).ToArray();
            var options = new List<int>();
            var vals = new List<double>();
            var odometer = new int[issues.Length];
            for (long c = 0; c < (long)combos; c++)
            {
                for (var j = 0; j < issues.Length; j++)
                {
                    package[issues[j]] = odometer[j];
                }

                if (groupRules.All(r => r.Holds(package)))
                {
                    options.AddRange(odometer);
                    for (var party = 0; party < p; party++)
                    {
                        var v = 0.0;
                        foreach (var k in issues)
                        {
                            v += table.Parties[party].Contributions[k][package[k]];
                        }

                        vals.Add(v);
                    }
                }

                for (var j = issues.Length - 1; j >= 0; j--)
                {
                    if (++odometer[j] < space.Issues[issues[j]].OptionIds.Count)
                    {
                        break;
                    }

                    odometer[j] = 0;
                }
            }

            if (options.Count == 0)
            {
                empty ??= $"red lines {string.Join(", ", groupRules.Select(r => r.Id))} exclude every option of {string.Join("×", issues.Select(k => space.Issues[k].Id))}";
            }

            choiceOptions[g] = [.. options];
            values[g] = [.. vals];
        }

        return new GroupedSpace(p, n, groups, choiceOptions, values, empty);
    }
}
