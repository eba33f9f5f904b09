using Parley.Bargaining;

namespace Parley.Core.Tests.Bargaining;

public sealed class UtilityTableTests
{
    [Fact]
    public void FromScenario_ContributionsAreWeightTimesScoreOverWeightSum()
    {
        var table = UtilityTable.FromScenario(Flagship.Scenario, ["RU", "UA"]);

        // RU: T weight 35 of 100, T4 score 100 → 35; exact, not 34.99999….
        Assert.Equal(35.0, table.Parties[0].Contributions[1][3]);
        Assert.Equal([65.5, 50.0], table.Utilities(table.Space.Parse("C1|T4|G3|S3|Q3|V3")));
    }

    [Fact]
    public void IsAcceptable_ChecksReservationWithToleranceAndRedLines()
    {
        var table = UtilityTable.FromScenario(Flagship.Scenario, ["RU", "UA", "US", "EU"]);
        var package = table.Space.Parse("C1|T4|G3|S3|Q3|V3");

        Assert.Equal(["UA-no-withdrawal"], table.BrokenRedLines(1, package));
        Assert.Equal(["EU-no-recognition"], table.BrokenRedLines(3, package));
        Assert.True(table.IsAcceptable(0, package)); // RU 65.5 ≥ 55, T4 and G3 within its red lines
        Assert.False(table.IsAcceptable(1, package));
        Assert.False(table.IsInZone(package));

        var exactly = table.WithReservations([65.5 + 1e-8, 0, 0, 0]);
        Assert.True(exactly.IsAcceptable(0, package)); // within the 1e-7 tolerance on the 0–100 scale
        var above = table.WithReservations([65.5 + 1e-6, 0, 0, 0]);
        Assert.False(above.IsAcceptable(0, package));
    }

    [Fact]
    public void FromScenario_DefaultLeavesOptionalPartyOutAndRejectsUnknownParties()
    {
        Assert.Equal(["RU", "UA", "US", "EU"], UtilityTable.FromScenario(Flagship.Scenario).Parties.Select(p => p.Id));
        Assert.Equal("NATO", UtilityTable.FromScenario(Flagship.Scenario, ["RU", "NATO"]).Parties[1].Id);
        var ex = Assert.Throws<ArgumentException>(() => UtilityTable.FromScenario(Flagship.Scenario, ["RU", "XX"]));
        Assert.Contains("unknown party 'XX'", ex.Message);
        Assert.Throws<ArgumentException>(() => UtilityTable.FromScenario(Flagship.Scenario, ["RU", "RU"]));
    }

    [Fact]
    public void OutcomeSpace_IndexAndPackageRoundTripInLexicographicOrder()
    {
        var space = UtilityTable.FromScenario(Flagship.Scenario).Space;

        Assert.Equal(9216, space.ExactCount);
        Assert.Equal(0, space.IndexOf(space.Parse("C1|T1|G0|S0|Q1|V1")));
        Assert.Equal(9215, space.IndexOf(space.Parse("C4|T4|G5|S3|Q4|V6")));
        Assert.Equal(1, space.IndexOf(space.Parse("C1|T1|G0|S0|Q1|V2")));
        for (long i = 0; i < 9216; i += 97)
        {
            Assert.Equal(i, space.IndexOf(space.PackageAt(i)));
        }

        Assert.Equal("C2|T3|G3|S3|Q3|V3", space.Describe(space.Parse("C2|T3|G3|S3|Q3|V3")));
        Assert.Throws<FormatException>(() => space.Parse("C9|T3|G3|S3|Q3|V3"));
    }

    [Fact]
    public void ConditionalRedLine_IsAHardConstraintOverTwoIssues()
    {
        var scenario = Flagship.Scenario;
        var us = scenario.PreferencesOf("US")!;
        var conditional = new Parley.Model.RedLine("US-if-g4-no-moscow", Parley.Model.ConditionParser.Parse("if G == G4 then V != V1"));
        var changed = scenario with
        {
            Preferences = Parley.Model.ValueList.ToValueList(scenario.Preferences.Select(p => p.PartyId == "US" ? us with { RedLines = Parley.Model.ValueList.Of(conditional) } : p)),
        };
        var table = UtilityTable.FromScenario(changed, ["US"]);

        Assert.Equal(["US-if-g4-no-moscow"], table.BrokenRedLines(0, table.Space.Parse("C1|T1|G4|S0|Q1|V1")));
        Assert.Empty(table.BrokenRedLines(0, table.Space.Parse("C1|T1|G3|S0|Q1|V1")));
        var result = BargainingSolver.Solve(table with { Parties = Parley.Model.ValueList.Of(table.Parties[0] with { Reservation = 0 }) });
        Assert.Equal(9216 - (4 * 4 * 4 * 4), result.Admissible);
        Assert.Equal(9216 - 256, result.AgreementZone);
    }
}
