using Parley.Forecast;

namespace Parley.Tests.Forecast;

public sealed class DeterminismTests
{
    private static void AssertSameHistory(ForecastResult a, ForecastResult b)
    {
        Assert.Equal(a.Turns, b.Turns);
        for (var t = 0; t < a.Turns; t++)
        {
            for (var i = 0; i < a.Input.Actors.Count; i++)
            {
                Assert.Equal(a.Positions[t][i], b.Positions[t][i]);
                Assert.Equal(a.Probabilities[t][i], b.Probabilities[t][i]);
            }
        }
    }

    [Fact]
    public void One_thread_and_many_give_bit_identical_histories()
    {
        var input = ForecastData.Csv("dummyData_6Dim.csv");

        AssertSameHistory(
            SmpModel.Run(input, new SmpOptions { MaxDegreeOfParallelism = 1 }),
            SmpModel.Run(input, new SmpOptions { MaxDegreeOfParallelism = 8 }));
    }

    [Fact]
    public void Stochastic_runs_repeat_with_the_seed_and_vary_with_it()
    {
        var input = ForecastData.Csv("SOE-Pol-Comp.csv");
        var options = new SmpOptions { StateTransitions = StateTransitions.Stochastic, Seed = 42 };

        var first = SmpModel.Run(input, options with { MaxDegreeOfParallelism = 1 });
        AssertSameHistory(first, SmpModel.Run(input, options with { MaxDegreeOfParallelism = 4 }));

        var others = Enumerable.Range(1, 5).Select(s => SmpModel.Run(input, options with { Seed = (ulong)s }));
        Assert.Contains(others, o => o.Turns != first.Turns || !o.Final.Zip(first.Final).All(p => p.First.SequenceEqual(p.Second)));
    }

    [Fact]
    public void Robustness_report_does_not_depend_on_threads()
    {
        var input = ForecastData.Csv("ukr2025_smp_illustrative.csv");

        var one = RobustnessAnalysis.Run(input, new SmpOptions { MaxDegreeOfParallelism = 1, Seed = 7 }, runs: 6);
        var many = RobustnessAnalysis.Run(input, new SmpOptions { MaxDegreeOfParallelism = 4, Seed = 7 }, runs: 6);

        Assert.Equal(one.LeaveOneOut.Select(v => (v.Label, v.Shift, v.Qualitative)), many.LeaveOneOut.Select(v => (v.Label, v.Shift, v.Qualitative)));
        Assert.Equal(one.Seeds.Select(v => (v.Seed, v.Shift, v.Outcome.Turns)), many.Seeds.Select(v => (v.Seed, v.Shift, v.Outcome.Turns)));
    }

    [Fact]
    public void Non_default_model_options_run_to_a_stop()
    {
        var input = ForecastData.Csv("dummyData_3Dim.csv");
        foreach (var options in new[]
        {
            new SmpOptions { VictoryProbModel = VictoryProbModel.Binary, VotingRule = VotingRule.PropBin },
            new SmpOptions { VictoryProbModel = VictoryProbModel.Octic, VotingRule = VotingRule.Cubic, PceModel = PceModel.MarkovUniform },
            new SmpOptions { VotingRule = VotingRule.PropCbc, PceModel = PceModel.MarkovIncentive, BigRRange = BigRRange.Max, BigRAdjust = BigRAdjust.Full },
            new SmpOptions { VotingRule = VotingRule.ASymProsp, ThirdPartyCommit = ThirdPartyCommit.NoCommit, InterVecBargain = InterVecBargain.S2PMax, BargainModel = BargainModel.InitRcvrInterp },
            new SmpOptions { VotingRule = VotingRule.Binary, ThirdPartyCommit = ThirdPartyCommit.FullCommit, InterVecBargain = InterVecBargain.S1P1, BargainModel = BargainModel.PWCompInterp, BigRAdjust = BigRAdjust.None },
        })
        {
            var result = SmpModel.Run(input, options);

            Assert.InRange(result.Steps, options.MinTurns, options.MaxTurns);
            Assert.All(result.Final, p => Assert.All(p, x => Assert.InRange(x, 0, 100)));
            Assert.All(result.Probabilities, p => Assert.All(p, x => Assert.InRange(x, 0, 1)));
        }
    }
}
