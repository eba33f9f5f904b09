using System.Text;
using System.Text.Json;
using Parley.Conflict;
using Parley.Scenarios;
using Parley.Tests;

namespace Parley.Core.Tests.Conflict;

/// <summary>
/// Interop with gmcr-py: its sample files (read from ../shared/data, never copied) against the outputs
/// of gmcr-py's own engine in derived/gmcr-py-equilibria.json. gmcr-py lets each opponent move at most
/// once in a sanction chain, so the comparison uses <see cref="SanctionMode.OnceEach"/>.
/// </summary>
public sealed class GmcrImportTests
{
    private static readonly (string Key, StabilityConcept Concept)[] Concepts =
    [
        ("Nash", StabilityConcept.Nash), ("GMR", StabilityConcept.Gmr), ("SEQ", StabilityConcept.Seq),
        ("SIM", StabilityConcept.Sim), ("SEQ&SIM", StabilityConcept.SeqSim), ("SMR", StabilityConcept.Smr),
    ];

    public static TheoryData<int> Cases() => [0, 1, 2, 3, 4, 5];

    [SharedDataTheory]
    [MemberData(nameof(Cases))]
    public void Import_SampleFiles_MatchGmcrPyStatesAndEquilibria(int index)
    {
        using var derived = JsonDocument.Parse(File.ReadAllText(Path.Combine(TestPaths.SharedData!, "gmcr", "derived", "gmcr-py-equilibria.json")));
        var expected = derived.RootElement.GetProperty("cases")[index];
        var source = expected.GetProperty("source").GetString()!.Split(' ')[0];
        var model = ConflictFixtures.Gmcr(source).Model;
        var players = Players(model, expected.GetProperty("coalitions"));

        Assert.Equal(expected.GetProperty("n_feasible").GetInt32(), model.StateCount);
        foreach (var state in expected.GetProperty("states").EnumerateArray())
        {
            var s = state.GetProperty("ord").GetInt32() - 1;
            Assert.Equal(state.GetProperty("yn").GetString(), model.Code(s));
            Assert.Equal(state.GetProperty("dec").GetInt64(), model.Mask(s));
        }

        var result = new StabilityEngine(model, players, SanctionMode.OnceEach).Analyze([.. Concepts.Select(c => c.Concept)]);
        for (var c = 0; c < Concepts.Length; c++)
        {
            var want = expected.GetProperty("equilibria").GetProperty(Concepts[c].Key).EnumerateArray().Select(e => e.GetInt32());
            Assert.True(want.SequenceEqual(result.Equilibria(c).Select(ConflictModel.OrderedId)), $"{source} {Concepts[c].Key}");
        }

        var reachable = StatusQuoAnalysis.Run(model, players, 0).Reachable.Select(ConflictModel.OrderedId);
        Assert.Equal(expected.GetProperty("ui_reachable_from_state1").EnumerateArray().Select(e => e.GetInt32()), reachable);
    }

    [SharedDataFact]
    public void Import_SampleFiles_TextbookDefinitionsMatchIndependentReferenceCheck()
    {
        using var check = JsonDocument.Parse(File.ReadAllText(Path.Combine(TestPaths.SharedData!, "gmcr", "derived", "reference-check-samples.json")));
        foreach (var item in check.RootElement.GetProperty("cases").EnumerateArray())
        {
            var file = item.GetProperty("file").GetString()!;
            var model = ConflictFixtures.Gmcr(file == "Chicken.gmcr" ? "harness-authored/Chicken.gmcr" : "gmcr-py/Examples/" + file).Model;
            foreach (var (key, concept) in Concepts.Where(c => c.Key != "SEQ&SIM"))
            {
                var want = item.GetProperty("reference_equilibria").GetProperty(key).EnumerateArray().Select(e => e.GetInt32());
                Assert.True(want.SequenceEqual(ConflictFixtures.Equilibria(model, concept)), $"{file} {key}");
            }
        }
    }

    [SharedDataFact]
    public void Import_TradeHistoryFile_EnumeratesAllFeasibleStates()
    {
        var model = ConflictFixtures.Gmcr("gmcr-py/history/trade.gmcr").Model;

        Assert.Equal(138_240, model.StateCount);
        Assert.Equal(6, model.DecisionMakers.Count);
        Assert.Equal(20, model.Options.Count);
    }

    [Fact]
    public void Parse_InvalidJson_ReportsLineAndColumn()
    {
        var ex = Assert.Throws<ScenarioException>(() => GmcrImport.Parse("{\n  \"options\": [,]\n}"u8, "bad.gmcr"));

        var d = Assert.Single(ex.Diagnostics);
        Assert.Equal(2, d.Line);
        Assert.StartsWith("not valid JSON", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_OptionIndexOutOfRange_NamesJsonPath()
    {
        var json = """{"options":[{"name":"a"},{"name":"b"}],"decisionMakers":[{"name":"X","options":[0],"preferences":[]},{"name":"Y","options":[7],"preferences":[]}]}""";

        var ex = Assert.Throws<ScenarioException>(() => GmcrImport.Parse(Encoding.UTF8.GetBytes(json), "x.gmcr"));

        Assert.Contains("$.decisionMakers[1].options[0]: option index 7 is out of range 0..1", ex.Diagnostics[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_OptionsRegroupedByDecisionMaker_AsGmcrPyDoes()
    {
        var json = """
            {"options":[{"name":"a"},{"name":"b"},{"name":"c","permittedDirection":"fwd"}],
             "decisionMakers":[{"name":"X","options":[2],"preferences":[[[0,"Y"]]]},{"name":"Y","options":[0,1],"preferences":[{"compound":true,"members":[[[2,"Y"]],[[1,"N"]]]}]}],
             "infeasibles":[[[0,"Y"],[1,"Y"]]]}
            """;

        var model = GmcrImport.Parse(Encoding.UTF8.GetBytes(json), "x.gmcr").Model;

        Assert.Equal(["c", "a", "b"], model.Options.Select(o => o.Name));
        Assert.Equal(6, model.StateCount);
        Assert.Equal(1, model.NoWithdrawMask);
        // X's statement "a taken" (a is now bit 1): state NYN (a only) scores 1.
        Assert.Equal(1, model.Payoff(0, model.ParseState("NYN")));
        // Y's compound statement "c or not b".
        Assert.Equal(0, model.Payoff(1, model.ParseState("NNY")));
        Assert.Equal(1, model.Payoff(1, model.ParseState("YNY")));
    }

    private static Player[] Players(ConflictModel model, JsonElement coalitions)
    {
        var groups = coalitions.EnumerateArray()
            .Where(c => c.ValueKind == JsonValueKind.Array)
            .Select(c => (IReadOnlyList<int>)[.. c.EnumerateArray().Select(x => x.GetInt32())])
            .ToList();
        return groups.Count == 0 ? Player.Individuals(model) : Player.Grouped(model, groups);
    }
}
