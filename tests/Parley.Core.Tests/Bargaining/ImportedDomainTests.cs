using Parley.Bargaining;
using Parley.Bargaining.Import;
using Parley.Core.Tests.Bargaining.Export;

namespace Parley.Core.Tests.Bargaining;

/// <summary><see cref="ImportedDomain.ToScenario"/>: an imported domain as a scenario keeps every utility exactly.</summary>
public sealed class ImportedDomainTests
{
    [Fact]
    public void ToScenario_KeepsUtilitiesReservationsAndOptions()
    {
        var export = Parley.Bargaining.Export.NegmasExport.Export(RoundTrip.FixtureScenario, ["A", "B", "C"]);
        var imported = NegmasYaml.Read(NegmasExportTests.Folder(export));
        var scenario = imported.ToScenario("shop");
        var table = UtilityTable.FromScenario(scenario, ["A", "B", "C"]);

        Assert.Equal("shop", scenario.Id);
        Assert.Null(scenario.Process);
        Assert.Equal(imported.Table.Space.Issues.Select(i => i.OptionIds), table.Space.Issues.Select(i => i.OptionIds));
        for (var p = 0; p < 3; p++)
        {
            Assert.Equal(imported.Table.Parties[p].Reservation, table.Parties[p].Reservation);
            for (var index = 0L; index < table.Space.ExactCount; index++)
            {
                var package = table.Space.PackageAt(index);
                Assert.Equal(imported.Table.Parties[p].Utility(package), table.Parties[p].Utility(package), 12);
            }
        }

        Assert.All(scenario.Preferences.SelectMany(x => x.Scores.SelectMany(s => s.Values)), v => Assert.True(scenario.Scale.Contains(v)));
    }
}
