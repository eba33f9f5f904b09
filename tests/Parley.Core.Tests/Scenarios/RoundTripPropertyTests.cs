using CsCheck;
using Parley.Model;
using Parley.Scenarios;

namespace Parley.Core.Tests.Scenarios;

/// <summary>Generated valid scenarios survive write → load unchanged; condition text round-trips.</summary>
public sealed class RoundTripPropertyTests
{
    [Fact]
    public void WriteThenLoad_GeneratedScenario_IsEqual()
    {
        Gen.Int.Sample(
            seed =>
            {
                var scenario = new ScenarioGenerator(seed).Next();
                var yaml = ScenarioWriter.Write(scenario);

                var result = ScenarioLoader.Load(yaml, "generated.yaml");

                Assert.True(result.Success, $"seed {seed}:\n{string.Join("\n", result.Errors)}\n---\n{yaml}");
                Assert.True(scenario == result.Scenario, $"seed {seed}: {ModelDiff.First(scenario, result.Scenario)}\n---\n{yaml}");

                // Writing is deterministic and idempotent: the loaded model writes the same text.
                Assert.Equal(yaml, ScenarioWriter.Write(result.Scenario!));
            },
            iter: 300);
    }

    [Fact]
    public void ParseToString_GeneratedIssueCondition_IsEqual()
    {
        var issues = new[]
        {
            new Issue("T", "T", ValueList.Of(new IssueOption("T1", ""), new IssueOption("T2", ""), new IssueOption("T3", ""))),
            new Issue("price", "p", ValueList.Of(new IssueOption("price-5", "", -5), new IssueOption("price2.5", "", 2.5))),
        };
        Gen.Int.Sample(
            seed =>
            {
                var condition = new ScenarioGenerator(seed).NextIssueCondition(issues);
                var text = condition.ToString();

                Assert.Equal(condition, ConditionParser.Parse(text));
            },
            iter: 2000);
    }

    [Fact]
    public void ParseToString_GeneratedOptionCondition_IsEqual()
    {
        string[] options = ["a", "b_2", "c.d", "x-y", "Zz9"];
        Gen.Int.Sample(
            seed =>
            {
                var condition = new ScenarioGenerator(seed).NextOptionCondition(options);

                Assert.Equal(condition, ConditionParser.Parse(condition.ToString()));
            },
            iter: 2000);
    }

    [Theory]
    [InlineData("a and b and c", "a and b and c")]
    [InlineData("(a and b) and c", "(a and b) and c")]
    [InlineData("a | b & -c", "a or b and not c")]
    [InlineData("A if B", "if B then A")]
    [InlineData("a <=> b", "a iff b")]
    [InlineData("not not a", "not (not a)")]
    [InlineData("T = T1", "T == T1")]
    [InlineData("x in [-5, 2.5]", "x in [-5, 2.5]")]
    [InlineData("price>=40", "price >= 40")]
    [InlineData("price < 1e2", "price < 100")]
    [InlineData("if a then b iff c", "if a then (b iff c)")]
    public void Parse_Forms_GiveCanonicalText(string text, string canonical)
    {
        var parsed = ConditionParser.Parse(text);

        Assert.Equal(canonical, parsed.ToString());
        Assert.Equal(parsed, ConditionParser.Parse(canonical));
    }

    [Fact]
    public void Load_MappingAndListScores_GiveTheSameModel()
    {
        const string Head = "parley: 1\nid: s\nparties: [{id: A}]\nissues:\n  - {id: T, options: [T1, T2, T3]}\n  - {id: p, numeric: {min: 0, max: 20, step: 10}}\n"
            + "preferences:\n  A:\n    weights: {T: 1, p: 1}\n";
        var list = ScenarioLoader.Load(Head + "    scores: {T: [0, 40, 100], p: [100, 75, 0]}\n", "l.yaml");
        var mapping = ScenarioLoader.Load(Head + "    scores: {T: {T3: 100, T1: 0, T2: 40}, p: {0: 100, p10: 75, 20: 0}}\n", "m.yaml");
        var function = ScenarioLoader.Load(Head + "    scores: {T: [0, 40, 100], p: {function: [[0, 100], [10, 75], [20, 0]]}}\n", "f.yaml");

        Assert.True(list.Success && mapping.Success && function.Success);
        Assert.Equal(list.Scenario, mapping.Scenario);
        Assert.Equal(list.Scenario!.Preferences[0].Scores[1].Values, function.Scenario!.Preferences[0].Scores[1].Values);
    }
}
