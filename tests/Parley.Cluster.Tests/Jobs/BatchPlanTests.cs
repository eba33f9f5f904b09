using CsCheck;
using Parley.Cluster.Jobs;

namespace Parley.Cluster.Tests.Jobs;

public sealed class BatchPlanTests
{
    [Fact]
    public void Split_CoversAllRunsInOrder_WithoutGapsOrOverlap() =>
        Gen.Select(Gen.Int[1, 5000], Gen.Int[1, 700]).Sample((runs, size) =>
        {
            var plan = BatchPlan.Split(runs, size);
            Assert.Equal(0, plan[0].From);
            Assert.Equal(runs, plan[^1].To);
            for (var i = 0; i < plan.Count; i++)
            {
                Assert.True(plan[i].To > plan[i].From);
                Assert.True(plan[i].To - plan[i].From <= size);
                if (i > 0)
                {
                    Assert.Equal(plan[i - 1].To, plan[i].From);
                }
            }

            Assert.Equal((runs + size - 1) / size, plan.Count);
        });

    [Theory]
    [InlineData(0, 10)]
    [InlineData(10, 0)]
    [InlineData(int.MaxValue, 1)]
    public void Split_RejectsBadArguments(int runs, int size) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => BatchPlan.Split(runs, size));
}
