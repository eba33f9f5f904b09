using System.Text.Json;
using Parley.Bargaining;
using Parley.Bargaining.Import;
using Parley.Tests;

namespace Parley.Core.Tests.Bargaining;

/// <summary>
/// Interop: the reference values that the ANL 2023 and NegoLog domain folders carry (read in place from
/// ../shared/data/negotiation, never copied).
/// </summary>
public sealed class ReferenceDomainTests
{
    private static string Folder(string relative) => Path.Combine(TestPaths.SharedData!, "negotiation", relative);

    private static SourceText Source(string path) => new(path, File.ReadAllText(path));

    [SharedDataTheory]
    [InlineData("geniusweb-anl2023/domain00")]
    [InlineData("geniusweb-anl2023/domain01")]
    public void Anl2023_MatchesSpecials(string relative)
    {
        var dir = Folder(relative);
        var imported = JsonProfiles.Read([Source(Path.Combine(dir, "profileA.json")), Source(Path.Combine(dir, "profileB.json"))]);
        using var specials = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "specials.json")));
        var s = specials.RootElement;

        var result = BargainingSolver.Solve(imported.Table);

        Assert.Equal("geniusweb", imported.Format);
        Assert.Equal(s.GetProperty("size").GetInt32(), result.Outcomes);
        Assert.Equal(s.GetProperty("pareto_front").GetArrayLength(), result.Pareto.Count);
        AssertSolution(imported.Table, s.GetProperty("nash"), result.Nash!);
        AssertSolution(imported.Table, s.GetProperty("social_welfare"), result.Utilitarian!);
        // ANL's "kalai" is the Pareto point with the most equal utilities; with reservation 0 and ideals 1 it is KS.
        AssertSolution(imported.Table, s.GetProperty("kalai"), result.KalaiSmorodinsky!);
        foreach (var point in s.GetProperty("pareto_front").EnumerateArray())
        {
            var package = Package(imported.Table, point.GetProperty("bid"));
            Assert.Contains(result.Pareto, o => o.Package.SequenceEqual(package));
        }
    }

    [SharedDataTheory]
    [InlineData("negolog/domain0")]
    [InlineData("negolog/domain57")]
    [InlineData("negolog/domain59")]
    public void NegoLog_MatchesSpecs(string relative)
    {
        var dir = Folder(relative);
        var imported = JsonProfiles.Read([Source(Path.Combine(dir, "profileA.json")), Source(Path.Combine(dir, "profileB.json"))]);
        using var specs = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "specs.json")));
        var s = specs.RootElement;

        var result = BargainingSolver.Solve(imported.Table);

        Assert.Equal("negolog", imported.Format);
        Assert.Equal(s.GetProperty("NumberOfBids").GetInt32(), result.Outcomes);
        var nash = result.Nash!;
        Assert.Equal(s.GetProperty("Nash_A").GetDouble(), nash.Parties[0].Utility, 9);
        Assert.Equal(s.GetProperty("Nash_B").GetDouble(), nash.Parties[1].Utility, 9);
        Assert.Equal(s.GetProperty("Nash Product").GetDouble(), nash.Parties[0].Utility * nash.Parties[1].Utility, 9);
        Assert.Equal(s.GetProperty("Social Welfare").GetDouble(), result.Utilitarian!.Outcome.Utilities.Sum(), 9);
        // NegoLog's "Kalai" point is not the max-min point; ours must be at least as good on the KS criterion (ideals are 1).
        Assert.Equal([1.0, 1.0], result.Ideals.Select(i => Math.Round(i, 9)));
        var theirs = Math.Min(s.GetProperty("Kalai_A").GetDouble(), s.GetProperty("Kalai_B").GetDouble());
        Assert.True(result.KalaiSmorodinsky!.Outcome.Utilities.Min() >= theirs - 1e-9);
    }

    private static void AssertSolution(UtilityTable table, JsonElement expected, Solution actual)
    {
        var utilities = expected.GetProperty("utility").EnumerateArray().Select(u => u.GetDouble()).ToArray();
        Assert.Equal(utilities[0], actual.Outcome.Utilities[0], 6);
        Assert.Equal(utilities[1], actual.Outcome.Utilities[1], 6);
        Assert.Equal(Package(table, expected.GetProperty("bid")), actual.Outcome.Package);
    }

    private static int[] Package(UtilityTable table, JsonElement bid) =>
        [.. table.Space.Issues.Select(i => i.OptionIndex(bid.GetProperty(i.Id).GetString()!))];
}
