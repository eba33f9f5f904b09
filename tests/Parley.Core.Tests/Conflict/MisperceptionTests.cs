using Parley.Conflict;

namespace Parley.Core.Tests.Conflict;

/// <summary>
/// The misperception fixture (Fixtures/misperception.yaml), worked out by hand. States by ordered id (option i = bit i):
/// 1 NNN, 2 YNN, 3 NYN, 4 YYN, 5 NNY, 6 YNY, 7 NYY, 8 YYY. A moves a1/a2 (b fixed), B toggles b.
/// <list type="bullet">
/// <item>A's best with b = N is YNN (2), with b = Y it is YNY (6): A is Nash-stable at 2 and 6 — and at 5 (NNY),
/// which it misperceives, so it has no move <em>from</em> it. (Were it allowed to move from 5, YNY would be an
/// improvement and 5 would be unstable for A.) A never moves <em>to</em> 5 either, although it would prefer it to
/// 7 (NYY) and 8 (YYY): from 7 its improvements are 6 and 8, from 8 only 6.</item>
/// <item>B prefers b = Y after NN (5 over 1), b = N after YN (2 over 6), b = Y after NY and YY (7 over 3, 8 over 4):
/// B is Nash-stable at 2, 5, 7, 8.</item>
/// <item>Nash equilibria: {2, 6, 5} ∩ {2, 5, 7, 8} = <b>2 and 5</b> (without the misperception: 2 only).</item>
/// </list>
/// </summary>
public sealed class MisperceptionTests
{
    [Fact]
    public void Nash_MisperceivingDmNeitherMovesFromNorToTheState()
    {
        var model = ConflictFixtures.Load("misperception");
        Assert.True(model.HasMisperceptions);
        Assert.Equal([2, 5], ConflictFixtures.Equilibria(model, StabilityConcept.Nash));

        var players = Player.Individuals(model);
        var checker = new StateChecker(model, players, SanctionMode.Full);
        var a = ConflictFixtures.Dm(model, "A");
        Assert.Empty(checker.Improvements(a, model.ParseState("NNY")));
        Assert.Equal(new[] { model.ParseState("YNY"), model.ParseState("YYY") }.Order(), checker.Improvements(a, model.ParseState("NYY")).Order());
        Assert.Equal([model.ParseState("YNY")], checker.Improvements(a, model.ParseState("YYY")));
    }

    [Fact]
    public void WithoutTheMisperception_OnlyState2IsANashEquilibrium()
    {
        var text = File.ReadAllText(Path.Combine(ConflictFixtures.Dir, "misperception.yaml"))
            .Replace("      misperceptions:\n        - \"not a1 and not a2 and b\"\n", "", StringComparison.Ordinal);
        var scenario = Parley.Scenarios.ScenarioLoader.LoadOrThrow(System.Text.Encoding.UTF8.GetBytes(text), "plain.yaml");
        var model = ConflictModelFactory.FromSpec(scenario.Conflict!);
        Assert.False(model.HasMisperceptions);
        Assert.Equal([2], ConflictFixtures.Equilibria(model, StabilityConcept.Nash));
    }

    [Fact]
    public void EveryConcept_EngineAgreesWithTheExplicitChecker_UnderMisperception()
    {
        var model = ConflictFixtures.Load("misperception");
        var players = Player.Individuals(model);
        var checker = new StateChecker(model, players, SanctionMode.Full);
        foreach (var concept in new[] { StabilityConcept.Nash, StabilityConcept.Gmr, StabilityConcept.Smr, StabilityConcept.Seq, StabilityConcept.Sim })
        {
            var engine = new StabilityEngine(model, players).Analyze([concept]);
            for (var p = 0; p < players.Length; p++)
            {
                for (var s = 0; s < model.StateCount; s++)
                {
                    Assert.True(engine.Stable[0][p][s] == checker.Explain(p, s, concept).Stable, $"{concept}, {players[p].Name} at {model.Code(s)}");
                }
            }
        }
    }
}
