using Parley.Model;
using Parley.Scenarios;

namespace Parley.Core.Tests.Scenarios;

/// <summary>Red lines on numeric issues: comparisons and numbers resolve to the options that satisfy them.</summary>
public sealed class NumericConditionTests
{
    private static RedLine Rule(string rule)
    {
        var text = "parley: 1\nid: n\nparties: [{id: A}]\nissues:\n"
            + "  - {id: price, numeric: {min: 20, max: 100, step: 20, unit: EUR}}\n"
            + "  - {id: t, numeric: {min: -10, max: 10, step: 5}}\n"
            + "  - {id: T, options: [T1, T2]}\n"
            + "preferences:\n  A:\n    weights: {price: 1, t: 1, T: 1}\n    scores: {price: [0, 25, 50, 75, 100], t: [0, 0, 0, 0, 0], T: [0, 100]}\n"
            + $"    red_lines: [{{id: r, rule: \"{rule}\"}}]\n";
        var result = ScenarioLoader.Load(text, "n.yaml");
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        return Assert.Single(result.Scenario!.Preferences[0].RedLines);
    }

    [Theory]
    [InlineData("price >= 40", "price in [price40, price60, price80, price100]")]
    [InlineData("price > 40", "price in [price60, price80, price100]")]
    [InlineData("price <= 40", "price in [price20, price40]")]
    [InlineData("price < 40", "price == price20")]
    [InlineData("price < 1000", "price in [price20, price40, price60, price80, price100]")]
    [InlineData("price >= 39.5", "price in [price40, price60, price80, price100]")]
    [InlineData("t >= -5", "t in [t-5, t0, t5, t10]")]
    [InlineData("price == 60", "price == price60")]
    [InlineData("price != 60", "price != price60")]
    [InlineData("price in [40, price80]", "price in [price40, price80]")]
    [InlineData("t not in [-10, 10]", "t not in [t-10, t10]")]
    [InlineData("not (price > 60)", "not price in [price80, price100]")]
    [InlineData("if T == T1 then price >= 80", "if T == T1 then price in [price80, price100]")]
    public void Load_NumericRule_ResolvesToOptions(string rule, string resolved)
    {
        var line = Rule(rule);

        Assert.Equal(resolved, line.Rule.ToString());
        Assert.DoesNotContain(line.Rule.Atoms(), a => a is IssueCompare);
    }

    [Fact]
    public void IssueCompare_Holds_MatchesOperator()
    {
        var ge = (IssueCompare)ConditionParser.Parse("x >= 2");
        var lt = (IssueCompare)ConditionParser.Parse("x < 2");

        Assert.Equal((CompareOperator.GreaterOrEqual, 2.0), (ge.Operator, ge.Value));
        Assert.True(ge.Holds(2) && !ge.Holds(1.99));
        Assert.True(lt.Holds(1.99) && !lt.Holds(2));
    }

    [Theory]
    [InlineData("x >= ", 5, "expected a number after '>='")]
    [InlineData("x > abc", 4, "expected a number after '>', found 'abc'")]
    [InlineData("x <=> y", 0, "")]
    public void Parse_ComparisonSyntax(string text, int offset, string message)
    {
        if (message.Length == 0)
        {
            Assert.IsType<Iff>(ConditionParser.Parse(text));
            return;
        }

        var ex = Assert.Throws<ConditionSyntaxException>(() => ConditionParser.Parse(text));
        Assert.Equal(offset, ex.Offset);
        Assert.Contains(message, ex.Message, StringComparison.Ordinal);
    }
}
