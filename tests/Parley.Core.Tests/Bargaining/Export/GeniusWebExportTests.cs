using System.Text.Json;
using Parley.Bargaining.Export;
using Parley.Bargaining.Import;

namespace Parley.Core.Tests.Bargaining.Export;

/// <summary>GeniusWeb / ANL 2023 profiles written by <see cref="GeniusWebExport"/> and read back by <see cref="JsonProfiles"/>.</summary>
public sealed class GeniusWebExportTests
{
    [Fact]
    public void ExportThenImport_FlagshipRuUa_AnlLayoutWithSameResultsOnZeroToOne()
    {
        var result = GeniusWebExport.Export(RoundTrip.FlagshipScenario, ["RU", "UA"], "domain07");
        var imported = JsonProfiles.Read([.. result.Files.Select(f => new SourceText(f.Name, f.Text))]);

        Assert.Equal(["domain07.json", "profileA.json", "profileB.json"], result.Files.Select(f => f.Name));
        Assert.Equal("geniusweb", imported.Format);
        Assert.Empty(imported.Warnings);
        RoundTrip.AssertSameResults(RoundTrip.FlagshipScenario, ["RU", "UA"], imported.Table, ["profileA", "profileB"]);
        Assert.Contains(result.Notes, n => n.StartsWith("profileA.json = RU (Russia), reserved_value 0.55", StringComparison.Ordinal));
    }

    [Fact]
    public void ExportThenImport_ThreeParties_ProfilesNamedByParty()
    {
        string[] ids = ["A", "B", "C"];
        var result = GeniusWebExport.Export(RoundTrip.FixtureScenario, ids);
        var imported = JsonProfiles.Read([.. result.Files.Select(f => new SourceText(f.Name, f.Text))]);

        Assert.Equal(["interop.json", "A.json", "B.json", "C.json"], result.Files.Select(f => f.Name));
        RoundTrip.AssertSameResults(RoundTrip.FixtureScenario, ids, imported.Table, ids);
    }

    [Fact]
    public void Export_Profile_IsLinearAdditiveWithDomainAndReservedValue()
    {
        var result = GeniusWebExport.Export(RoundTrip.FlagshipScenario, ["RU", "UA"], "d");
        using var doc = JsonDocument.Parse(result.Files[2].Text);
        var las = doc.RootElement.GetProperty("LinearAdditiveUtilitySpace");

        Assert.Equal(0.4, las.GetProperty("reserved_value").GetDouble(), 12);
        Assert.Equal("profileB", las.GetProperty("name").GetString());
        Assert.Equal(1.0, las.GetProperty("issueUtilities").GetProperty("C").GetProperty("DiscreteValueSetUtilities").GetProperty("valueUtilities").GetProperty("C1").GetDouble());
        Assert.Equal(1.0, las.GetProperty("issueWeights").EnumerateObject().Sum(w => w.Value.GetDouble()), 12);
        Assert.Equal(["C1", "C2", "C3", "C4"], las.GetProperty("domain").GetProperty("issuesValues").GetProperty("C").GetProperty("values").EnumerateArray().Select(v => v.GetString()));
        Assert.False(las.TryGetProperty("reservationBid", out _));
    }

    [Fact]
    public void Import_ReservationBidTakesPrecedenceOverReservedValue()
    {
        const string Profile = """
            {"LinearAdditiveUtilitySpace": {
              "issueUtilities": {"i": {"DiscreteValueSetUtilities": {"valueUtilities": {"a": 1.0, "b": 0.25}}}},
              "issueWeights": {"i": 1.0}, "name": "p", "reserved_value": 0.6 RESERVATION}}
            """;
        var withValue = JsonProfiles.Read([new("p.json", Profile.Replace("RESERVATION", "", StringComparison.Ordinal)), new("q.json", Profile.Replace("RESERVATION", "", StringComparison.Ordinal))]);
        var withBid = JsonProfiles.Read([new("p.json", Profile.Replace("RESERVATION", ", \"reservationBid\": {\"issuevalues\": {\"i\": \"b\"}}", StringComparison.Ordinal)), new("q.json", Profile.Replace("RESERVATION", "", StringComparison.Ordinal))]);

        Assert.Equal(0.6, withValue.Table.Parties[0].Reservation);
        Assert.Equal(0.25, withBid.Table.Parties[0].Reservation);
        var bad = Assert.Throws<Parley.Scenarios.ScenarioException>(() => JsonProfiles.Read([new("p.json", Profile.Replace("0.6 RESERVATION", "\"high\"", StringComparison.Ordinal)), new("q.json", Profile.Replace("RESERVATION", "", StringComparison.Ordinal))]));
        Assert.Contains("$.LinearAdditiveUtilitySpace.reserved_value: expected a number", bad.Message, StringComparison.Ordinal);
    }
}
