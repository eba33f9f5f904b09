using System.Xml.Linq;
using Parley.Bargaining;
using Parley.Bargaining.Export;
using Parley.Bargaining.Import;

namespace Parley.Core.Tests.Bargaining.Export;

/// <summary>GENIUS XML written by <see cref="GeniusExport"/> and read back by <see cref="GeniusXml"/>.</summary>
public sealed class GeniusExportTests
{
    [Theory]
    [InlineData("RU,UA")]
    [InlineData("RU,UA,US,EU")]
    public void ExportThenImport_Flagship_SameZoneFrontierAndNash(string parties)
    {
        var ids = parties.Split(',');
        var result = GeniusExport.Export(RoundTrip.FlagshipScenario, ids);
        var imported = GeniusXml.Read(RoundTrip.Source(result, "ukraine-talks-2025-domain.xml"), [.. ids.Select(id => RoundTrip.Source(result, id + ".xml"))]);

        Assert.Empty(imported.Warnings);
        RoundTrip.AssertSameResults(RoundTrip.FlagshipScenario, ids, imported.Table, ids, perPartyScale: true);
    }

    [Fact]
    public void ExportThenImport_Fixture_SameResultsWithNumericIssueAsDiscreteValues()
    {
        string[] ids = ["A", "B", "C"];
        var result = GeniusExport.Export(RoundTrip.FixtureScenario, ids);
        var imported = GeniusXml.Read(RoundTrip.Source(result, "interop-domain.xml"), [.. ids.Select(id => RoundTrip.Source(result, id + ".xml"))]);

        Assert.Equal(["price1", "price1.5", "price2", "price2.5"], imported.Table.Space.Issues[0].OptionIds);
        RoundTrip.AssertSameResults(RoundTrip.FixtureScenario, ids, imported.Table, ids, perPartyScale: true);
        Assert.Contains(result.Lost, l => l.StartsWith("numeric issue price (1 to 2.5 EUR, step 0.5)", StringComparison.Ordinal));
        Assert.Contains(result.Lost, l => l.StartsWith("red line A-price of A", StringComparison.Ordinal));
    }

    [Fact]
    public void Export_PartyBelowTopOfScale_UtilitiesDividedByItsBest()
    {
        var result = GeniusExport.Export(RoundTrip.FlagshipScenario, ["RU", "UA"]);
        var ua = XDocument.Parse(result.Files.Single(f => f.Name == "UA.xml").Text);
        var imported = GeniusXml.Read(RoundTrip.Source(result, "ukraine-talks-2025-domain.xml"), [RoundTrip.Source(result, "RU.xml"), RoundTrip.Source(result, "UA.xml")]);

        // UA's best package is worth 98.5 of 100 (the best venue scores 80): GENIUS's utilities are u/0.985.
        Assert.Equal(0.40 / 0.985, double.Parse((string)ua.Root!.Element("reservation")!.Attribute("value")!, System.Globalization.CultureInfo.InvariantCulture), 1e-12);
        Assert.Equal("1", (string)ua.Root.Element("discount_factor")!.Attribute("value")!);
        Assert.Equal(1.0, imported.Table.Parties[1].MaxUtility, 12);
        Assert.Equal(0.55, imported.Table.Parties[0].Reservation, 12);
        Assert.Contains(result.Notes, n => n.StartsWith("UA.xml = UA (Ukraine); its best package is worth 0.985", StringComparison.Ordinal));
    }

    [Fact]
    public void Export_Domain_NamesIssuesByIdAndKeepsOptionNamesAsDescriptions()
    {
        var result = GeniusExport.Export(RoundTrip.FlagshipScenario, ["RU", "UA"]);
        var domain = XDocument.Parse(result.Files[0].Text);

        var first = domain.Descendants("issue").First();
        Assert.Equal("C", (string)first.Attribute("name")!);
        Assert.Equal("immediate, before talks", (string)first.Element("item")!.Attribute("description")!);
        Assert.Equal(["ukraine-talks-2025-domain.xml", "RU.xml", "UA.xml"], result.Files.Select(f => f.Name));
        Assert.Contains(result.Lost, l => l.StartsWith("party NATO (NATO Secretary General): not exported (optional party", StringComparison.Ordinal));
        Assert.Contains(result.Lost, l => l.StartsWith("issue names (C = Ceasefire timing", StringComparison.Ordinal));
    }

    [Fact]
    public void Export_UnknownParty_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => GeniusExport.Export(RoundTrip.FlagshipScenario, ["RU", "XX"]));
        Assert.StartsWith("unknown party 'XX'", ex.Message, StringComparison.Ordinal);
    }
}
