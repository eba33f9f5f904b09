using Parley.Conflict;

namespace Parley.Core.Tests.Conflict;

/// <summary>Published cases re-entered by hand (Fixtures/*.yaml) with their published equilibria.</summary>
public sealed class StabilityEngineTests
{
    [Theory]
    [InlineData("nash", new[] { 1 })]
    [InlineData("gmr", new[] { 1, 4 })]
    [InlineData("smr", new[] { 1, 4 })]
    [InlineData("seq", new[] { 1, 4 })]
    [InlineData("sim", new[] { 1, 4 })]
    public void Analyze_PrisonersDilemma_MutualDefectionNashAndCooperationMetarational(string concept, int[] expected)
    {
        var model = ConflictFixtures.Load("prisoners");

        Assert.Equal(expected, ConflictFixtures.Equilibria(model, StabilityConcept.Parse(concept)!));
    }

    [Theory]
    [InlineData("nash", new[] { 2, 3 })]
    [InlineData("gmr", new[] { 1, 2, 3 })]
    [InlineData("smr", new[] { 1, 2, 3 })]
    [InlineData("seq", new[] { 2, 3 })]
    [InlineData("sim", new[] { 1, 2, 3 })]
    [InlineData("seqsim", new[] { 1, 2, 3 })]
    public void Analyze_Chicken_OneSwervesIsNashAndBothSwerveNeedsSanctions(string concept, int[] expected)
    {
        var model = ConflictFixtures.Load("chicken");

        Assert.Equal(expected, ConflictFixtures.Equilibria(model, StabilityConcept.Parse(concept)!));
    }

    [Theory]
    [InlineData("nash", new[] { 5, 6, 7, 10, 11, 12 })]
    [InlineData("gmr", new[] { 1, 4, 5, 6, 7, 10, 11, 12 })]
    [InlineData("smr", new[] { 1, 4, 5, 6, 7, 10, 11, 12 })]
    [InlineData("seq", new[] { 5, 6, 7, 10, 11, 12 })]
    [InlineData("sim", new[] { 5, 6, 7, 10, 11, 12 })]
    public void Analyze_Elmira_PublishedEquilibria(string concept, int[] expected)
    {
        var model = ConflictFixtures.Load("elmira");

        Assert.Equal(expected, ConflictFixtures.Equilibria(model, StabilityConcept.Parse(concept)!));
    }

    [Theory]
    [InlineData("nash", new[] { 5, 6, 9, 10, 11, 12 })]
    [InlineData("gmr", new[] { 1, 3, 4, 5, 6, 9, 10, 11, 12 })]
    [InlineData("seq", new[] { 1, 5, 6, 9, 10, 11, 12 })]
    public void Analyze_ElmiraWithMoeUniroyalCoalition_CoalitionActsAsOnePlayer(string concept, int[] expected)
    {
        var model = ConflictFixtures.Load("elmira");
        var players = Player.Grouped(model, [[0, 1]]);

        Assert.Equal(expected, ConflictFixtures.Equilibria(model, StabilityConcept.Parse(concept)!, players));
    }

    [Theory]
    [InlineData("nash", new[] { 6 })]
    [InlineData("gmr", new[] { 1, 6 })]
    [InlineData("smr", new[] { 6 })]
    [InlineData("seq", new[] { 6 })]
    [InlineData("sim", new[] { 6 })]
    public void Analyze_SyriaIraq_FromOptionPrioritisation(string concept, int[] expected)
    {
        var model = ConflictFixtures.Load("syria-iraq");

        Assert.Equal(expected, ConflictFixtures.Equilibria(model, StabilityConcept.Parse(concept)!));
    }

    [Fact]
    public void Model_Elmira_OrderedNumberingAndCodesFollowDecimalCodes()
    {
        var model = ConflictFixtures.Load("elmira");

        Assert.Equal(12, model.StateCount);
        Assert.Equal(
            ["NYNNN", "YYNNN", "NNYNN", "YNYNN", "NNNYN", "YNNYN", "NYNNY", "YYNNY", "NNYNY", "YNYNY", "NNNYY", "YNNYY"],
            Enumerable.Range(0, 12).Select(model.Code));
        Assert.Equal(0, model.StatusQuo);
    }

    [Fact]
    public void Moves_IrreversibleOptions_AreNotUndone()
    {
        var model = ConflictFixtures.Load("elmira");
        var moe = Player.Individuals(model)[0];
        var buffer = new int[4];

        // State 2 (YYNNN): MoE has modified; 'modify' is forward-only, so MoE has no move.
        Assert.Equal(0, model.Moves(moe.Mask, model.ParseState("YYNNN"), buffer));
        // Uniroyal at 5 (NNNYN) has abandoned (forward-only) and cannot return to delay (backward-only).
        var ur = Player.Individuals(model)[1];
        Assert.Equal(0, model.Moves(ur.Mask, model.ParseState("NNNYN"), buffer));
    }

    [Fact]
    public void StatusQuo_Elmira_LocalGovernmentInsistsAndStops()
    {
        var model = ConflictFixtures.Load("elmira");

        var sq = StatusQuoAnalysis.Run(model, Player.Individuals(model), 0);

        Assert.Equal([0, 6], sq.Reachable);
        Assert.Equal([6], sq.Final);
        Assert.Equal([new MoveStep(2, 6)], sq.Paths[6]);
    }

    [Fact]
    public void StatusQuo_ElmiraWithCoalition_ContinuesFromSevenToTen()
    {
        var model = ConflictFixtures.Load("elmira");
        var players = Player.Grouped(model, [[0, 1]]);

        var sq = StatusQuoAnalysis.Run(model, players, 0);

        Assert.Equal([9], sq.Final);
        Assert.Equal([7, 10], sq.Paths[9].Select(step => ConflictModel.OrderedId(step.To)));
        Assert.Equal(["LG", "MoE+UR"], sq.Paths[9].Select(step => players[step.Player].Name));
    }

    [Fact]
    public void Explain_ElmiraLocalGovernmentAtOne_GmrSanctionIsMoeModifying()
    {
        var model = ConflictFixtures.Load("elmira");
        var players = Player.Individuals(model);
        var checker = new StateChecker(model, players, SanctionMode.Full);

        var gmr = checker.Explain(2, 0, StabilityConcept.Gmr);
        var seq = checker.Explain(2, 0, StabilityConcept.Seq);

        Assert.True(gmr.Stable);
        var only = Assert.Single(gmr.Improvements);
        Assert.Equal(6, only.To);
        Assert.Equal([new MoveStep(0, 7)], only.Sanction);
        Assert.False(seq.Stable);
        Assert.Null(Assert.Single(seq.Improvements).Sanction);
        Assert.Contains("MoE moves to 8 (YYNNY)", Explanation.Describe(model, players, gmr), StringComparison.Ordinal);
    }

    [Fact]
    public void Inverse_SyriaIraqStateTwo_CountsSyriaRankings()
    {
        var model = ConflictFixtures.Load("syria-iraq");

        var result = InverseGmcr.Run(model, 1, [new InverseWindow(0, 1, 6)], SanctionMode.Full, listLimit: 3);

        Assert.Equal(720, result.Profiles);
        Assert.Equal(240, result.Counts[StabilityConcept.Nash]);
        Assert.Equal(300, result.Counts[StabilityConcept.Smr]);
        // Textbook GMR/SEQ: both improvements (to 1 and 3) must be sanctioned (by Iraq's attack, to 4 and 6):
        // P = 1 − 1/3 − 1/3 + 1/5 = 8/15 of 720. gmcr-py's inverse solver reports 420 because it lets the last
        // improvement it checks decide (InverseRule.GmcrPy, InverseRuleTests; docs/conflict.md).
        Assert.Equal(384, result.Counts[StabilityConcept.Gmr]);
        Assert.Equal(384, result.Counts[StabilityConcept.Seq]);
        Assert.Equal(3, result.Examples.Count);
    }

    [Fact]
    public void CoalitionStability_Elmira_GrandCoalitionRemovesParetoDominatedEquilibria()
    {
        var model = ConflictFixtures.Load("elmira");

        var result = CoalitionStability.Analyze(model, SanctionMode.Full);

        Assert.Equal(7, result.Coalitions.Count);
        var cnash = result.Equilibria[0].Select(ConflictModel.OrderedId).ToArray();
        Assert.Equal([5, 6, 10, 11, 12], cnash);
        Assert.Subset(ConflictFixtures.Equilibria(model, StabilityConcept.Nash).ToHashSet(), cnash.ToHashSet());
    }

    [Theory]
    [InlineData("prisoners")]
    [InlineData("chicken")]
    [InlineData("elmira")]
    [InlineData("syria-iraq")]
    public void Analyze_FastEngine_AgreesWithExplicitSearchPerState(string name)
    {
        var model = ConflictFixtures.Load(name);
        var players = Player.Individuals(model);
        foreach (var mode in new[] { SanctionMode.Full, SanctionMode.OnceEach })
        {
            var result = new StabilityEngine(model, players, mode).Analyze(StabilityConcept.Standard);
            var checker = new StateChecker(model, players, mode);
            for (var c = 0; c < result.Concepts.Count; c++)
            {
                for (var p = 0; p < players.Length; p++)
                {
                    for (var s = 0; s < model.StateCount; s++)
                    {
                        Assert.True(checker.IsStable(p, s, result.Concepts[c]) == result.Stable[c][p][s], $"{result.Concepts[c].Key} {players[p].Name} state {s + 1} ({mode})");
                    }
                }
            }
        }
    }

    [Fact]
    public void Analyze_SanctionNeedingAnOpponentTwice_FullModeOnly()
    {
        var model = ConflictFixtures.Load("sanction-modes");
        var players = Player.Individuals(model);
        var s = model.ParseState("NNNN");

        foreach (var concept in new[] { StabilityConcept.Gmr, StabilityConcept.Seq })
        {
            var full = new StateChecker(model, players, SanctionMode.Full).Explain(0, s, concept);
            var once = new StateChecker(model, players, SanctionMode.OnceEach).Explain(0, s, concept);

            Assert.True(full.Stable);
            Assert.Equal(["B", "C", "B"], Assert.Single(full.Improvements).Sanction!.Select(step => players[step.Player].Name));
            Assert.Equal("YNYY", model.Code(full.Improvements[0].Outcome!.Value));
            Assert.False(once.Stable);
            Assert.True(new StabilityEngine(model, players, SanctionMode.Full).Analyze([concept]).Stable[0][0][s]);
            Assert.False(new StabilityEngine(model, players, SanctionMode.OnceEach).Analyze([concept]).Stable[0][0][s]);
        }
    }

    [Fact]
    public void Analyze_Misperception_DmDoesNotMoveToStatesItDoesNotSee()
    {
        var plain = ConflictFixtures.Load("syria-iraq");
        var text = File.ReadAllText(Path.Combine(ConflictFixtures.Dir, "syria-iraq.yaml"))
            + "      misperceptions:\n        - \"escalate\"\n";
        var result = Parley.Scenarios.ScenarioLoader.Load(System.Text.Encoding.UTF8.GetBytes(text.Replace("  infeasible:\n    - \"release and escalate\"\n", "", StringComparison.Ordinal)
            + "  infeasible:\n    - \"release and escalate\"\n"), "misperceived.yaml");
        Assert.True(result.Scenario is not null, string.Join("\n", result.Diagnostics));
        var model = ConflictModelFactory.FromSpec(result.Scenario!.Conflict!);
        var iraqAt3 = model.ParseState("NYN");

        // Iraq would attack once Syria escalates (3 → 6), but it does not see escalation states.
        Assert.Equal([5], new StateChecker(plain, Player.Individuals(plain), SanctionMode.Full).Improvements(1, iraqAt3));
        Assert.Empty(new StateChecker(model, Player.Individuals(model), SanctionMode.Full).Improvements(1, iraqAt3));
        Assert.True(model.HasMisperceptions);
    }
}
