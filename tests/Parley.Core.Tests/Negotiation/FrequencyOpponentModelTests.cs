using Parley.Negotiation;
using Parley.Negotiation.Strategies;

namespace Parley.Tests.Negotiation;

public class FrequencyOpponentModelTests
{
    [Fact]
    public void Update_StableIssueWeighsMore_FrequentOptionValuedMost()
    {
        var space = new OutcomeSpace([3, 3]);
        var model = new FrequencyOpponentModel(space);
        // Issue 0 always option 2; issue 1 wanders.
        foreach (var o in new[] { 0, 1, 2, 0 })
        {
            model.Update(space.Encode([2, o]));
        }

        Assert.True(model.Weight(0) > model.Weight(1));
        Assert.Equal(1.0, model.Value(0, 2), 9);
        Assert.True(model.Value(0, 0) < model.Value(0, 2));
        Assert.True(model.Predict(space.Encode([2, 0])) > model.Predict(space.Encode([0, 0])));
    }
}
