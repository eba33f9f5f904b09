using Parley.Bargaining.Import;
using Parley.Scenarios;

namespace Parley.Core.Tests.Bargaining;

/// <summary>Self-written GeniusWeb and NegoLog fixtures.</summary>
public sealed class JsonProfilesTests
{
    private static string GeniusWeb(string name, double wa, double wb, string reservation = "") => $$$"""
        {"LinearAdditiveUtilitySpace": {
          "issueUtilities": {
            "price": {"DiscreteValueSetUtilities": {"valueUtilities": {"low": 1.0, "high": 0.0} } },
            "delivery": {"DiscreteValueSetUtilities": {"valueUtilities": {"fast": 0.25, "slow": 1.0, "never": 0} } }
          },
          "issueWeights": {"price": {{{wa}}}, "delivery": {{{wb}}}},
          "domain": {"name": "shop", "issuesValues": {"price": {"values": ["low", "high"]}, "delivery": {"values": ["fast", "slow", "never"]} } },
          "name": "{{{name}}}"{{{reservation}}}
        }}
        """;

    [Fact]
    public void GeniusWeb_ReadsDomainOrderWeightsAndReservationBid()
    {
        var imported = JsonProfiles.Read([
            new("a.json", GeniusWeb("a", 0.6, 0.4, ", \"reservationBid\": {\"issuevalues\": {\"price\": \"high\", \"delivery\": \"slow\"}}")),
            new("b.json", GeniusWeb("b", 0.5, 0.5)),
        ]);

        Assert.Equal("geniusweb", imported.Format);
        Assert.Equal(["price", "delivery"], imported.Table.Space.Issues.Select(i => i.Id));
        Assert.Equal(["fast", "slow", "never"], imported.Table.Space.Issues[1].OptionIds);
        Assert.Equal(0.4, imported.Table.Parties[0].Reservation, 12); // 0.6·0 + 0.4·1
        Assert.Equal(0, imported.Table.Parties[1].Reservation);
        Assert.Equal(0.6 + (0.4 * 0.25), imported.Table.Parties[0].Utility([0, 0]), 12);
        Assert.Empty(imported.Warnings);
    }

    [Fact]
    public void WeightsNotSummingToOne_WarnAndAreNormalised()
    {
        var imported = JsonProfiles.Read([new("a.json", GeniusWeb("a", 0.6, 0.6)), new("b.json", GeniusWeb("b", 0.5, 0.5))]);

        var warning = Assert.Single(imported.Warnings);
        Assert.Contains("weights sum to 1.2", warning.Message);
        Assert.Equal(1.0, imported.Table.Parties[0].Utility([0, 1]), 12);
    }

    [Theory]
    [InlineData("{\"size\": 4, \"pareto_front\": []}", "reference-values file")]
    [InlineData("{\"foo\": 1}", "unknown profile format")]
    [InlineData("[1, 2]", "expected a JSON object")]
    [InlineData("{\"reservationValue\": 0, \"issueWeights\": {\"price\": 1}, \"issues\": {\"price\": {\"low\": \"cheap\"}}}", "$.issues.price.low: expected a number")]
    public void BadFiles_AreRejectedWithThePath(string text, string message)
    {
        var ex = Assert.Throws<ScenarioException>(() => JsonProfiles.Read([new("bad.json", text)]));

        Assert.Equal("bad.json", ex.Diagnostics[0].File);
        Assert.Contains(message, ex.Diagnostics[0].Message);
    }

    [Fact]
    public void NegoLog_ProfileMissingAValueOfTheDomain_NamesIt()
    {
        var a = "{\"reservationValue\": 0.1, \"issueWeights\": {\"x\": 1}, \"issues\": {\"x\": {\"p\": 1, \"q\": 0}}}";
        var b = "{\"reservationValue\": 0.1, \"issueWeights\": {\"x\": 1}, \"issues\": {\"x\": {\"p\": 1}}}";

        var ex = Assert.Throws<ScenarioException>(() => JsonProfiles.Read([new("a.json", a), new("b.json", b)]));

        Assert.Equal("b.json", ex.Diagnostics[0].File);
        Assert.Contains("$.issues.x: no utility for value 'q'", ex.Diagnostics[0].Message);
    }
}
