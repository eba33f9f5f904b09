using Parley.Bargaining.Export;
using Parley.Bargaining.Import;

namespace Parley.Core.Tests.Bargaining.Export;

/// <summary>NegMAS scenario folders written by <see cref="NegmasExport"/> and read back by <see cref="NegmasYaml"/>.</summary>
public sealed class NegmasExportTests
{
    [Theory]
    [InlineData("RU,UA")]
    [InlineData("UA,RU,US,EU")]
    public void ExportThenImport_Flagship_SameResultsOnZeroToOne(string parties)
    {
        var ids = parties.Split(',');
        var result = NegmasExport.Export(RoundTrip.FlagshipScenario, ids);
        var imported = NegmasYaml.Read(Folder(result));

        Assert.Empty(imported.Warnings);
        Assert.Equal("negmas", imported.Format);
        RoundTrip.AssertSameResults(RoundTrip.FlagshipScenario, ids, imported.Table, ids);
    }

    [Fact]
    public void ExportThenImport_Fixture_NumericIssueKeptAsNumbersAndYamlLikeIdsAsText()
    {
        string[] ids = ["A", "B", "C"];
        var result = NegmasExport.Export(RoundTrip.FixtureScenario, ids);
        var imported = NegmasYaml.Read(Folder(result));
        var domain = result.Files.Single(f => f.Name == "interop.yml").Text;

        Assert.Contains("type: DiscreteCardinalIssue", domain, StringComparison.Ordinal);
        Assert.Contains("- 1.5\n", domain, StringComparison.Ordinal);
        Assert.Contains("- \"yes\"\n", domain, StringComparison.Ordinal);
        Assert.Contains("- \"3\"\n", domain, StringComparison.Ordinal);
        Assert.Equal(["price1", "price1.5", "price2", "price2.5"], imported.Table.Space.Issues[0].OptionIds);
        Assert.Equal(["yes", "no", "3"], imported.Table.Space.Issues[1].OptionIds);
        RoundTrip.AssertSameResults(RoundTrip.FixtureScenario, ids, imported.Table, ids);
    }

    [Fact]
    public void Export_Files_DomainUfunsAndInfo()
    {
        var result = NegmasExport.Export(RoundTrip.FlagshipScenario, ["RU", "UA"]);

        Assert.Equal(["ukraine-talks-2025.yml", "RU.yml", "UA.yml", "_info.yaml"], result.Files.Select(f => f.Name));
        var ru = result.Files[1].Text;
        Assert.StartsWith("type: LinearAdditiveUtilityFunction\nname: RU\nreserved_value: 0.55\n", ru, StringComparison.Ordinal);
        Assert.Contains("- type: TableFun\n  mapping:\n    C1: 0\n", ru, StringComparison.Ordinal);
        Assert.Contains("RU: Russia", result.Files[3].Text, StringComparison.Ordinal);
        Assert.DoesNotContain(result.Lost, l => l.StartsWith("party names", StringComparison.Ordinal));
        Assert.Contains(result.Lost, l => l.StartsWith("red line RU-donbas of RU (T in [T3, T4]): NegMAS has no hard constraints", StringComparison.Ordinal));
    }

    internal static List<SourceText> Folder(ExportResult result) =>
        [.. result.Files.OrderBy(f => f.Name, StringComparer.Ordinal).Select(f => new SourceText(f.Name, f.Text))];
}
