using System.Text;
using Parley.Bargaining;
using Parley.Bargaining.Export;
using Parley.Model;
using Parley.Scenarios;
using Parley.Tests;

namespace Parley.Core.Tests.Bargaining.Export;

/// <summary>
/// Shared checks of the bargaining exporters: a scenario exported and read back must give the same lens results as
/// the scenario itself without red lines (the formats have none) — zone size, Pareto frontiers of the zone and of the
/// whole space, Nash and Kalai–Smorodinsky packages, and the utilities on the 0–1 scale the formats use.
/// </summary>
internal static class RoundTrip
{
    /// <summary>
    /// Self-written: three parties, a scale other than 0–100, a numeric issue with a value function, option ids a YAML
    /// reader could take for booleans or numbers, a party whose best package is below the top of the scale, red lines.
    /// </summary>
    public const string Fixture = """
        parley: 1
        id: interop
        title: Interop fixture
        description: Three parties over a price, an answer and a colour.
        scale: [-10, 10]
        parties:
          - {id: A, name: Alpha}
          - {id: B, name: Beta}
          - {id: C, name: Gamma, optional: true}
        issues:
          - id: price
            name: Price
            numeric: {min: 1, max: 2.5, step: 0.5, unit: EUR}
          - id: answer
            name: Answer
            options:
              - {id: "yes", name: agree}
              - {id: "no", name: disagree}
              - {id: "3", name: three}
          - id: colour
            name: Colour
            options:
              - {id: red, name: Red}
              - {id: green, name: Green}
        preferences:
          A:
            weights: {price: 2, answer: 1, colour: 1}
            scores:
              price: {function: [[1, -10], [2.5, 10]]}
              answer: [10, 0, -5]
              colour: [0, 5]
            reservation: -2
            red_lines:
              - {id: A-price, rule: "price >= 1.5"}
          B:
            weights: {price: 3, answer: 2, colour: 1}
            scores:
              price: {function: [[1, 8], [2.5, -10]]}
              answer: [-4, 6, 2]
              colour: [7, -3]
            reservation: -4
          C:
            weights: {price: 1, answer: 1, colour: 1}
            scores:
              price: [0, 2, 4, 6]
              answer: [5, 1, 0]
              colour: [3, 3]
            reservation: 1
        """;

    public static Scenario FixtureScenario => Parse(Fixture, "interop.yaml");

    public static Scenario FlagshipScenario => Flagship.Scenario;

    public static Scenario Parse(string yaml, string file)
    {
        var result = ScenarioLoader.Load(Encoding.UTF8.GetBytes(yaml), file);
        Assert.True(result.Scenario is not null, string.Join("\n", result.Diagnostics));
        return result.Scenario!;
    }

    public static Scenario Load(string path)
    {
        var result = ScenarioLoader.Load(File.ReadAllBytes(path), path);
        Assert.True(result.Scenario is not null, string.Join("\n", result.Diagnostics));
        return result.Scenario!;
    }

    public static Parley.Bargaining.Import.SourceText Source(ExportResult result, string name) =>
        new(name, result.Files.Single(f => f.Name == name).Text);

    /// <summary>
    /// Compares the scenario's results (parties <paramref name="parties"/>, red lines off) with those of the imported
    /// table, whose parties <paramref name="importedIds"/> stand for them in that order. With <paramref name="perPartyScale"/>
    /// (GENIUS), each party's imported utilities may be its 0–1 utilities times a positive factor of its own, which keeps
    /// zone, frontiers, Nash and KS but not the egalitarian or utilitarian solution.
    /// </summary>
    public static void AssertSameResults(Scenario scenario, IReadOnlyList<string> parties, UtilityTable imported, IReadOnlyList<string> importedIds, bool perPartyScale = false)
    {
        var original = UtilityTable.FromScenario(scenario, parties, redLines: false);
        var table = imported.WithParties(importedIds);
        var a = BargainingSolver.Solve(original);
        var b = BargainingSolver.Solve(table);
        Assert.Equal(original.Space.Issues.Select(i => i.Id), table.Space.Issues.Select(i => i.Id));
        Assert.Equal(original.Space.Issues.Select(i => i.OptionIds), table.Space.Issues.Select(i => i.OptionIds));
        Assert.Equal(a.AgreementZone, b.AgreementZone);
        Assert.Equal(a.Pareto.Select(o => o.Package), b.Pareto.Select(o => o.Package));
        Assert.Equal(a.SpaceFrontier.Select(o => o.Package).Order(PackageOrder.Instance), b.SpaceFrontier.Select(o => o.Package).Order(PackageOrder.Instance));
        Assert.Equal(a.Nash?.Outcome.Package, b.Nash?.Outcome.Package);
        Assert.Equal(a.KalaiSmorodinsky?.Outcome.Package, b.KalaiSmorodinsky?.Outcome.Package);
        if (!perPartyScale)
        {
            Assert.Equal(a.Egalitarian?.Outcome.Package, b.Egalitarian?.Outcome.Package);
            Assert.Equal(a.Utilitarian?.Outcome.Package, b.Utilitarian?.Outcome.Package);
        }

        // Utilities on 0–1: u01 = (u − min)/(max − min); GENIUS divides further by the party's best 0–1 utility.
        var span = scenario.Scale.Max - scenario.Scale.Min;
        for (var p = 0; p < parties.Count; p++)
        {
            var best = perPartyScale ? (original.Parties[p].MaxUtility - scenario.Scale.Min) / span : 1;
            Assert.Equal((original.Parties[p].Reservation - scenario.Scale.Min) / span / best, table.Parties[p].Reservation, 1e-9);
            foreach (var o in a.SpaceFrontier)
            {
                Assert.Equal((o.Utilities[p] - scenario.Scale.Min) / span / best, table.Parties[p].Utility(o.Package.AsSpan()), 1e-9);
            }
        }
    }

    private sealed class PackageOrder : IComparer<ValueList<int>>
    {
        public static PackageOrder Instance { get; } = new();

        public int Compare(ValueList<int>? x, ValueList<int>? y)
        {
            for (var k = 0; k < Math.Min(x!.Count, y!.Count); k++)
            {
                var c = x[k].CompareTo(y[k]);
                if (c != 0)
                {
                    return c;
                }
            }

            return x.Count.CompareTo(y.Count);
        }
    }
}
