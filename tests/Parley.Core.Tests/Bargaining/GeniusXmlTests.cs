using Parley.Bargaining;
using Parley.Bargaining.Import;
using Parley.Scenarios;
using Parley.Tests;

namespace Parley.Core.Tests.Bargaining;

/// <summary>GENIUS quirks as self-written fixtures, plus every additive GENIUS domain of the shared data read in place.</summary>
public sealed class GeniusXmlTests
{
    private const string Domain = """
        <negotiation_template>
          <utility_space number_of_issues="2">
            <objective index="0" etype="objective" type="objective" name="Fruit">
              <issue index="1" etype="discrete" type="discrete" vtype="discrete" name="Kind">
                <item index="1" value="apple"/>
                <item index="2" value="pear"/>
              </issue>
              <issue index="2" etype="integer" name="Boxes" lowerbound="1" upperbound="3"/>
            </objective>
          </utility_space>
        </negotiation_template>
        """;

    private static string Profile(string kindWeight, string boxWeight, string extra = "", string declaration = "") => $"""
        {declaration}<utility_space>
          <reservation value="0.25"/>
          <objective index="0" etype="objective" type="objective" name="Fruit">
            <issue index="1" etype="discrete" type="discrete" vtype="discrete" name="Kind">
              <item index="1" value="apple" evaluation="4"/>
              <item index="2" value="pear" evaluation="8"/>
            </issue>
            <issue index="2" etype="integer" name="Boxes" lowerbound="1" upperbound="3">
              <evaluator ftype="linear" slope="0.5" offset="0"/>
            </issue>
            <weight index="1" value="{kindWeight}"/>
            <weight index="2" value="{boxWeight}"/>
          </objective>
          {extra}
        </utility_space>
        """;

    [Fact]
    public void Read_AdditiveProfile_NormalisesByLargestEvaluationAndReadsIntegerEvaluator()
    {
        var imported = GeniusXml.Read(new("fruit.xml", Domain), [new("a.xml", Profile("0.5", "0.5", "<discount_factor value=\"0.8\"/>")), new("b.xml", Profile("0.25", "0.75"))]);

        var a = imported.Table.Parties[0];
        Assert.Equal("a", a.Id);
        Assert.Equal(["apple", "pear"], imported.Table.Space.Issues[0].OptionIds);
        Assert.Equal(["1", "2", "3"], imported.Table.Space.Issues[1].OptionIds);
        Assert.Equal(0.25, a.Utility([0, 0]), 12); // 0.5·(4/8) + 0.5·clamp(0.5·0)
        Assert.Equal(1.0, a.Utility([1, 2]), 12); // 0.5·1 + 0.5·clamp(0.5·2 = 1)
        Assert.Equal(0.25, a.Reservation);
        Assert.Equal(0.8, a.DiscountFactor);
        Assert.Empty(imported.Warnings);
    }

    [Fact]
    public void Read_WeightsSummingTo1_0001_WarnsAndNormalises()
    {
        var imported = GeniusXml.Read(new("fruit.xml", Domain), [new("a.xml", Profile("0.5001", "0.5")), new("b.xml", Profile("0.5", "0.5"))]);

        var warning = Assert.Single(imported.Warnings);
        Assert.Equal("a.xml", warning.File);
        Assert.Contains("weights sum to 1.0001", warning.Message);
        Assert.Equal(1.0, imported.Table.Parties[0].Utility([1, 2]), 12);
    }

    [Fact]
    public void Read_MissingSpaceBetweenAttributesAndLateDeclaration_AreRepairedWithWarnings()
    {
        var sloppy = Profile("0.5", "0.5", declaration: "<!-- profile -->\n<?xml version=\"1.0\"?>\n")
            .Replace("etype=\"discrete\" type=\"discrete\"", "etype=\"discrete\"type=\"discrete\"", StringComparison.Ordinal);

        var imported = GeniusXml.Read(new("fruit.xml", Domain), [new("a.xml", sloppy), new("b.xml", Profile("0.5", "0.5"))]);

        Assert.Equal(2, imported.Warnings.Count);
        Assert.Contains(imported.Warnings, w => w.Message.Contains("missing space") && w.Line == 6);
        Assert.Contains(imported.Warnings, w => w.Message.Contains("XML declaration") && w.Line == 2);
    }

    [Fact]
    public void Read_MalformedXml_ThrowsLocatedError()
    {
        var broken = Profile("0.5", "0.5").Replace("<weight index=\"2\" value=\"0.5\"/>", "<weight index=\"2\" value=\"0.5\">", StringComparison.Ordinal);

        var ex = Assert.Throws<ScenarioException>(() => GeniusXml.Read(new("fruit.xml", Domain), [new("bad.xml", broken)]));

        var d = Assert.Single(ex.Diagnostics);
        Assert.Equal("bad.xml", d.File);
        Assert.True(d.Line > 1);
        Assert.StartsWith("malformed XML", d.Message);
    }

    [Fact]
    public void Read_NonlinearProfile_IsRejectedWithItsLocation()
    {
        var nonlinear = "<utility_space type=\"nonlinear\">\n<objective/>\n</utility_space>";

        var ex = Assert.Throws<ScenarioException>(() => GeniusXml.Read(new("fruit.xml", Domain), [new("nl.xml", nonlinear)]));

        Assert.Contains("not additive", ex.Diagnostics[0].Message);
        Assert.Equal(1, ex.Diagnostics[0].Line);
    }

    [Fact]
    public void Read_ProfileMissingAValue_NamesIssueAndValue()
    {
        var missing = Profile("0.5", "0.5").Replace("<item index=\"2\" value=\"pear\" evaluation=\"8\"/>", "", StringComparison.Ordinal);

        var ex = Assert.Throws<ScenarioException>(() => GeniusXml.Read(new("fruit.xml", Domain), [new("m.xml", missing)]));

        Assert.Contains("'pear'", ex.Diagnostics[0].Message);
        Assert.Contains("'Kind'", ex.Diagnostics[0].Message);
    }

    [SharedDataTheory]
    [InlineData("anac/y2010/ItexvsCypress", "ItexvsCypress_domain.xml", 180, "ItexvsCypress_Itex.xml", "ItexvsCypress_Cypress.xml")]
    [InlineData("anac/y2010/EnglandZimbabwe", "EnglandZimbabwe_domain.xml", 576, "England.xml", "Zimbabwe.xml")]
    [InlineData("anac/y2011/Laptop", "laptop_domain.xml", 27, "laptop_buyer_utility.xml", "laptop_seller_utility.xml")]
    [InlineData("anac/y2011/Grocery", "Grocery_domain.xml", 1600, "Grocery_domain_mary.xml", "Grocery_domain_sam.xml")]
    [InlineData("anac/y2011/Amsterdam", "Amsterdam_domain.xml", 3024, "Amsterdam_party1.xml", "Amsterdam_party2.xml")]
    [InlineData("anac/y2011/Camera", "camera_domain.xml", 3600, "camera_buyer_utility.xml", "camera_seller_utility.xml")]
    [InlineData("anac/y2011/Car", "adg.xml", 15625, "adg_deal.xml", "adg_deal2.xml")]
    [InlineData("anac/y2011/NiceOrDie", "NiceOrDie.xml", 3, "NiceOrDie1.xml", "NiceOrDie2.xml")]
    [InlineData("anac/y2013/Kitchen", "Kitchen-domain.xml", 15625, "Kitchen-husband.xml", "Kitchen-wife.xml")]
    [InlineData("ANAC2015/group2-politics", "Politics.xml", 23040, "Politics_util1.xml", "Politics_util2.xml", "Politics_util3.xml")]
    [InlineData("ANAC2016/Maxoops", "WindFarm.xml", 7200, "WindFarm_util1.xml", "WindFarm_util2.xml", "WindFarm_util3.xml")]
    public void Read_SharedAdditiveDomains_SolveWithFrontierMatchingBruteForce(string folder, string domain, int outcomes, params string[] profiles)
    {
        var dir = Path.Combine(TestPaths.SharedData!, "negotiation", "genius", folder);
        SourceText Read(string f) => new(Path.Combine(dir, f), File.ReadAllText(Path.Combine(dir, f)));

        var imported = GeniusXml.Read(Read(domain), [.. profiles.Select(Read)]);
        var result = BargainingSolver.Solve(imported.Table);

        Assert.Equal(outcomes, result.Outcomes);
        Assert.Equal(profiles.Length, imported.Table.Parties.Count);
        Assert.Equal(BruteForce.ZoneCount(imported.Table), result.AgreementZone);
        if (outcomes <= 4000)
        {
            Assert.Equal(BruteForce.ZoneFrontier(imported.Table).Select(o => o.Package), result.Pareto.Select(o => o.Package));
        }
    }

    [SharedDataFact]
    public void Read_Laptop_WarnsOnWeightsSumAndKeepsDiscount()
    {
        var dir = Path.Combine(TestPaths.SharedData!, "negotiation", "genius", "anac", "y2011", "Laptop");
        SourceText Read(string f) => new(f, File.ReadAllText(Path.Combine(dir, f)));

        var imported = GeniusXml.Read(Read("laptop_domain.xml"), [Read("laptop_buyer_utility.xml"), Read("laptop_seller_utility.xml")]);

        Assert.Contains(imported.Warnings, w => w.Message.Contains("weights sum to 1.000051804171754 (≈ 1.0001)"));
        Assert.Equal(0.42441038, imported.Table.Parties[0].DiscountFactor);
    }

    [SharedDataFact]
    public void Read_Car_RepairsMissingAttributeSpace()
    {
        var dir = Path.Combine(TestPaths.SharedData!, "negotiation", "genius", "anac", "y2011", "Car");
        SourceText Read(string f) => new(f, File.ReadAllText(Path.Combine(dir, f)));

        var imported = GeniusXml.Read(Read("adg.xml"), [Read("adg_deal.xml"), Read("adg_deal2.xml")]);

        Assert.Contains(imported.Warnings, w => w.File == "adg_deal.xml" && w.Line == 46 && w.Message.Contains("missing space"));
    }

    [SharedDataTheory]
    [InlineData("anac/y2014/10issues", "10issues-domain.xml", "profile-1.xml", "not additive")]
    [InlineData("Railway", "Railway.xml", "Minister.xml", "not additive")]
    public void Read_NonAdditiveSharedProfiles_AreRejectedClearly(string folder, string domain, string profile, string message)
    {
        var dir = Path.Combine(TestPaths.SharedData!, "negotiation", "genius", folder);
        SourceText Read(string f) => new(f, File.ReadAllText(Path.Combine(dir, f)));

        var ex = Assert.Throws<ScenarioException>(() => GeniusXml.Read(Read(domain), [Read(profile)]));

        Assert.Contains(message, ex.Diagnostics[0].Message);
        Assert.Equal(profile, ex.Diagnostics[0].File);
    }
}
