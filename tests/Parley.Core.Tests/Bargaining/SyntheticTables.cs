using Parley.Bargaining;
using Parley.Model;

namespace Parley.Core.Tests.Bargaining;

/// <summary>
/// Reproducible random additive domains for scale tests and benchmarks (linked into bench/Parley.Benchmarks, so the
/// benchmarks measure the same spaces the tests check).
/// </summary>
internal static class SyntheticTables
{
    /// <summary><paramref name="parties"/> parties over <paramref name="issues"/> issues of <paramref name="options"/> options each; no red lines, reservation 0.</summary>
    public static UtilityTable Additive(int parties, int issues, int options, int seed)
    {
        var random = new Random(seed);
        var space = new OutcomeSpace(Enumerable.Range(0, issues).Select(k =>
        {
            var ids = Enumerable.Range(0, options).Select(o => $"I{k}o{o}").ToValueList();
            return new OutcomeIssue($"I{k}", $"Issue {k}", ids, ids);
        }).ToValueList());
        var table = Enumerable.Range(0, parties).Select(p =>
        {
            var weights = Enumerable.Range(0, issues).Select(_ => random.NextDouble() + 0.05).ToArray();
            var sum = weights.Sum();
            var contributions = Enumerable.Range(0, issues)
                .Select(k => Enumerable.Range(0, options).Select(_ => (random.NextDouble() * 100) * weights[k] / sum).ToValueList()).ToValueList();
            return new PartyUtility($"P{p}", $"Party {p}", contributions, 0, ValueList<RedLine>.Empty);
        }).ToValueList();
        return new UtilityTable(space, table, ScoreScale.Default);
    }
}
