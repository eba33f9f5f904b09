using System.Text;
using System.Text.Json;
using Parley.Conflict;
using Parley.Model;
using Parley.Scenarios;
using Parley.Tests;

namespace Parley.Core.Tests.Conflict;

/// <summary>
/// Round trip through gmcr-py's save format: a scenario's conflict section exported by <see cref="GmcrExport"/> and read
/// back by <see cref="GmcrImport"/> has the same states (ordered numbers and Y/N codes) and the same equilibria and
/// per-player stability under every concept and both sanction modes. Fixtures are the hand-entered cases and examples.
/// </summary>
public sealed class GmcrExportTests
{
    public static TheoryData<string> Scenarios() =>
    [
        .. new[] { "chicken", "elmira", "misperception", "prisoners", "sanction-modes", "syria-iraq" }.Select(n => Path.Combine(ConflictFixtures.Dir, n + ".yaml")),
        TestPaths.Flagship,
        TestPaths.Example("prisoners-dilemma.yaml"),
    ];

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void ExportThenImport_SameStatesAndEquilibria(string path)
    {
        var scenario = Load(path);
        var original = ConflictModelFactory.FromSpec(scenario.Conflict!);
        var file = Assert.Single(GmcrExport.Export(scenario).Files);
        var imported = GmcrImport.Parse(Encoding.UTF8.GetBytes(file.Text), file.Name).Model;

        Assert.Equal(original.StateCount, imported.StateCount);
        Assert.Equal(Enumerable.Range(0, original.StateCount).Select(original.Code), Enumerable.Range(0, imported.StateCount).Select(imported.Code));
        Assert.Equal(original.DecisionMakers.Select(d => d.Id), imported.DecisionMakers.Select(d => d.Id));
        Assert.Equal(original.Options.Select(o => o.Direction), imported.Options.Select(o => o.Direction));
        foreach (var mode in new[] { SanctionMode.Full, SanctionMode.OnceEach })
        {
            var a = new StabilityEngine(original, Player.Individuals(original), mode).Analyze(StabilityConcept.Standard);
            var b = new StabilityEngine(imported, Player.Individuals(imported), mode).Analyze(StabilityConcept.Standard);
            for (var c = 0; c < StabilityConcept.Standard.Count; c++)
            {
                Assert.True(a.Equilibria(c).SequenceEqual(b.Equilibria(c)), $"{Path.GetFileName(path)} {StabilityConcept.Standard[c].Key} {mode}");
            }
        }
    }

    [Fact]
    public void Export_Flagship_WritesGmcrPyLayoutAndListsTheStatusQuoAsLost()
    {
        var result = GmcrExport.Export(Load(TestPaths.Flagship));
        using var doc = JsonDocument.Parse(result.Files[0].Text);
        var root = doc.RootElement;

        Assert.Equal("ukraine-talks-2025.gmcr", result.Files[0].Name);
        Assert.False(root.GetProperty("useManualPreferenceRanking").GetBoolean());
        Assert.Equal(["ru_meet", "ru_cease", "ua_meet", "ua_cease", "us_tri", "us_air", "us_sanction"],
            root.GetProperty("options").EnumerateArray().Select(o => o.GetProperty("name").GetString()));
        Assert.Equal(["RU", "UA", "US"], root.GetProperty("decisionMakers").EnumerateArray().Select(d => d.GetProperty("name").GetString()));
        // "ru_meet iff us_tri" has no single conjunction: a compound of (Y, Y) and (N, N).
        var iff = root.GetProperty("decisionMakers")[0].GetProperty("preferences")[2];
        Assert.True(iff.GetProperty("compound").GetBoolean());
        Assert.Equal("[[[0,\"Y\"],[4,\"Y\"]],[[0,\"N\"],[4,\"N\"]]]", iff.GetProperty("members").GetRawText());
        Assert.Contains(result.Lost, l => l.StartsWith("the status quo", StringComparison.Ordinal));
        Assert.Contains(result.Lost, l => l.StartsWith("process stages (8", StringComparison.Ordinal));
        Assert.Contains(result.Lost, l => l.StartsWith("confidentiality", StringComparison.Ordinal));
        Assert.Contains("Not expressible in gmcr", result.Readme("x.yaml"), StringComparison.Ordinal);
    }

    [Fact]
    public void Export_WithARanking_WritesEveryDecisionMakersRanking()
    {
        var result = GmcrExport.Export(Load(Path.Combine(ConflictFixtures.Dir, "chicken.yaml")));
        using var doc = JsonDocument.Parse(result.Files[0].Text);

        Assert.True(doc.RootElement.GetProperty("useManualPreferenceRanking").GetBoolean());
        Assert.All(doc.RootElement.GetProperty("decisionMakers").EnumerateArray(), d => Assert.Equal(JsonValueKind.Array, d.GetProperty("preferenceRanking").ValueKind));
    }

    [Fact]
    public void Export_ExclusiveAndAtLeastOneGroups_BecomeInfeasibleConditions()
    {
        var scenario = Load(Path.Combine(ConflictFixtures.Dir, "elmira.yaml"));
        using var doc = JsonDocument.Parse(GmcrExport.Export(scenario).Files[0].Text);

        var rows = doc.RootElement.GetProperty("infeasibles").EnumerateArray().Select(i => i.GetRawText()).ToList();
        Assert.Contains("[[1,\"Y\"],[2,\"Y\"]]", rows);
        Assert.Contains("[[1,\"N\"],[2,\"N\"],[3,\"N\"]]", rows);
    }

    [Fact]
    public void Export_WithoutConflictSection_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => GmcrExport.Export(Load(TestPaths.Example("job-offer.yaml"))));
        Assert.Contains("no conflict: section", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a iff b", 2)]
    [InlineData("if a then b", 2)]
    [InlineData("a or not a", 1)]
    [InlineData("a and not a", 0)]
    [InlineData("not (a and b and c)", 3)]
    [InlineData("(a and b) or (a and not b)", 1)]
    public void Dnf_EqualsTheConditionOnEveryState(string text, int terms)
    {
        var condition = ConditionParser.Parse(text);
        var dnf = ConditionDnf.Of(condition);
        var atoms = new[] { "a", "b", "c" };

        Assert.Equal(terms, dnf.Count);
        for (var m = 0; m < 8; m++)
        {
            bool Taken(string o) => (m & (1 << Array.IndexOf(atoms, o))) != 0;
            var expected = condition.Evaluate(a => Taken(((OptionTaken)a).Option));
            Assert.Equal(expected, dnf.Any(t => t.All(l => Taken(l.Option) == l.Taken)));
        }
    }

    private static Scenario Load(string path)
    {
        var result = ScenarioLoader.Load(File.ReadAllBytes(path), path);
        Assert.True(result.Scenario is not null, string.Join("\n", result.Diagnostics));
        return result.Scenario!;
    }
}
