using Parley.Bargaining;
using Parley.Model;

namespace Parley.Core.Tests.Bargaining;

public sealed class ToleranceTests
{
    /// <summary>
    /// Packages a = (0.1 + 0.2, 0.7) and b = (0.3, 0.7 + 1e-16) differ only by floating-point noise. Compared exactly,
    /// each would beat the other on one party and both would be "frontier points"; after rounding to the tolerance
    /// they are one point, represented by the lower package index.
    /// </summary>
    [Fact]
    public void RoundingNoise_NeverCreatesFalseFrontierPoints()
    {
        var ids = ValueList.Of("a", "b");
        var space = new OutcomeSpace(ValueList.Of(new OutcomeIssue("X", "X", ids, ids)));
        var p0 = new PartyUtility("P0", "P0", ValueList.Of(ValueList.Of(0.1 + 0.2, 0.3)), 0, ValueList<RedLine>.Empty);
        var p1 = new PartyUtility("P1", "P1", ValueList.Of(ValueList.Of(0.7, 0.7000000000000001)), 0, ValueList<RedLine>.Empty);
        var table = new UtilityTable(space, ValueList.Of(p0, p1), new ScoreScale(0, 1));
        Assert.True(0.1 + 0.2 > 0.3);
        Assert.True(0.7000000000000001 > 0.7);

        var result = BargainingSolver.Solve(table);

        var point = Assert.Single(result.Pareto);
        Assert.Equal([0], point.Package);
        Assert.Equal([0], result.Nash!.Outcome.Package);
        Assert.Equal(2, result.AgreementZone);
    }
}
