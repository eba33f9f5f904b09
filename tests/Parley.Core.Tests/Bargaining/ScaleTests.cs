using Parley.Bargaining;
using Parley.Model;
using Xunit.Abstractions;

namespace Parley.Core.Tests.Bargaining;

/// <summary>
/// Spaces far too large to enumerate. Exactness is checked against closed forms that hold for additive utilities:
/// each party's best utility is the sum of its per-issue maxima, and the largest Σu is the sum over issues of the
/// per-option maximum of Σu. (Speed is measured in docs/benchmarks.md, never asserted.)
/// </summary>
public sealed class ScaleTests(ITestOutputHelper output)
{
    [Fact]
    public void TwoParties_10To15Outcomes_FrontierExtremesAndUtilitarianAreExact()
    {
        var table = SyntheticTables.Additive(2, 15, 10, seed: 7);
        var watch = System.Diagnostics.Stopwatch.StartNew();

        var result = BargainingSolver.Solve(table);

        output.WriteLine($"1e15 outcomes: frontier {result.Pareto.Count} points in {watch.Elapsed.TotalSeconds:F2} s");
        Assert.Equal(1e15, result.Outcomes);
        Assert.Null(result.AgreementZone);
        var a = table.Parties[0];
        var b = table.Parties[1];
        Assert.Equal(a.MaxUtility, result.Pareto[0].Utilities[0], 9);
        Assert.Equal(b.MaxUtility, result.Pareto[^1].Utilities[1], 9);
        var bestSum = Enumerable.Range(0, 15).Sum(k => Enumerable.Range(0, 10).Max(o => a.Contributions[k][o] + b.Contributions[k][o]));
        Assert.Equal(bestSum, result.Utilitarian!.Outcome.Utilities.Sum(), 9);
        for (var i = 1; i < result.Pareto.Count; i++)
        {
            Assert.True(result.Pareto[i].Utilities[0] < result.Pareto[i - 1].Utilities[0]);
            Assert.True(result.Pareto[i].Utilities[1] > result.Pareto[i - 1].Utilities[1]);
        }
    }
}
