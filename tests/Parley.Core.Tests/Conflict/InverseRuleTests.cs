using System.Globalization;
using System.Text.Json;
using Parley.Conflict;
using Parley.Tests;

namespace Parley.Core.Tests.Conflict;

/// <summary>
/// Inverse GMCR under both rules: the standard definitions and gmcr-py's inverse solver (the last improvement
/// decides; SMR checks only the first strictly worse sanction). The interop tests compare with gmcr-py's own
/// outputs in ../shared/data/gmcr (read there, never copied).
/// </summary>
public sealed class InverseRuleTests
{
    [Theory]
    [InlineData(false, 384)]
    [InlineData(true, 420)]
    public void Inverse_SyriaIraqStateTwo_CountsUnderEachRule(bool gmcrPy, long seqAndGmr)
    {
        var rule = gmcrPy ? InverseRule.GmcrPy : InverseRule.Standard;
        var model = ConflictFixtures.Load("syria-iraq");

        var result = InverseGmcr.Run(model, 1, [new InverseWindow(0, 1, 6)], SanctionMode.Full, listLimit: 0, rule);

        Assert.Equal(rule, result.Rule);
        Assert.Equal(720, result.Profiles);
        Assert.Equal(240, result.Counts[StabilityConcept.Nash]);
        Assert.Equal(seqAndGmr, result.Counts[StabilityConcept.Seq]);
        Assert.Equal(seqAndGmr, result.Counts[StabilityConcept.Gmr]);
        Assert.Equal(300, result.Counts[StabilityConcept.Smr]);
    }

    [Fact]
    public void GmcrPyRule_SyriaIraq_IgnoresUnsanctionedImprovementToLowerState()
    {
        // Syria ranks 1 > 4 > 3 > 2 > 5 > 6. From 2 (YNN) it can improve to 1 (NNN) and to 3 (NYN). Iraq's
        // attack answers 1 with 4, which Syria still prefers to 2 (no sanction), and 3 with 6 (a sanction).
        var model = Ranked(ConflictFixtures.Load("syria-iraq"), 0, 1, 4, 3, 2, 5, 6);
        var players = Player.Individuals(model);
        var checker = new StateChecker(model, players, SanctionMode.Full);

        Assert.Equal([0, 2], checker.Improvements(0, 1).Order());
        foreach (var concept in new[] { StabilityConcept.Gmr, StabilityConcept.Seq })
        {
            Assert.False(checker.IsStable(0, 1, concept));
            Assert.True(GmcrPyInverse.IsStable(model, players, 0, 1, concept.Kind));
        }

        Assert.False(GmcrPyInverse.IsStable(model, players, 0, 1, ConceptKind.Nash));
    }

    [Fact]
    public void GmcrPyRule_SyriaIraq_SmrTestsOnlyFirstSanctionForCounterMove()
    {
        // Iraq ranks 4 > 2 > 1 > 3 > 5 > 6. At 1 (NNN) it improves by attacking (4). Syria can answer with
        // 5 (YNY), which Iraq escapes to 2 (YNN) > 1, or with 6 (NYY), whose only escape 3 is worse than 1.
        var model = Ranked(ConflictFixtures.Load("syria-iraq"), 1, 4, 2, 1, 3, 5, 6);
        var players = Player.Individuals(model);

        Assert.True(new StateChecker(model, players, SanctionMode.Full).IsStable(1, 0, StabilityConcept.Smr));
        Assert.False(GmcrPyInverse.IsStable(model, players, 1, 0, ConceptKind.Smr));
        Assert.True(GmcrPyInverse.IsStable(model, players, 1, 0, ConceptKind.Gmr));
    }

    [SharedDataFact]
    public void GmcrPyRule_SyriaIraqSample_MatchesGmcrPyInverseCounts()
    {
        using var derived = JsonDocument.Parse(File.ReadAllText(Path.Combine(TestPaths.SharedData!, "gmcr", "derived", "gmcr-py-equilibria.json")));
        var expected = derived.RootElement.GetProperty("inverse_SyriaIraq_state2_varySyria");
        var model = ConflictFixtures.Gmcr("gmcr-py/Examples/SyriaIraq.gmcr").Model;

        var result = InverseGmcr.Run(model, 1, [new InverseWindow(ConflictFixtures.Dm(model, "Syria"), 1, int.MaxValue)], SanctionMode.OnceEach, 0, InverseRule.GmcrPy);

        Assert.Equal(expected.GetProperty("profiles").GetInt64(), result.Profiles);
        Assert.Equal(
            expected.GetProperty("count_Nash_SEQ_GMR_SMR").EnumerateArray().Select(e => e.GetInt64()),
            InverseGmcr.Concepts.Select(c => result.Counts[c]));
    }

    public static TheoryData<string, int> InvSolCases() =>
        new() { { "Prisoners", 0 }, { "Prisoners", 1 }, { "Prisoners", 2 }, { "Prisoners", 3 }, { "SyriaIraq", 0 }, { "SyriaIraq", 1 }, { "SyriaIraq", 2 }, { "SyriaIraq", 3 }, { "SyriaIraq", 4 } };

    /// <summary>
    /// gmcr-py's test_data/CASE_K_invSol.txt: rows Nash, SEQ, GMR, SMR; one column per profile, the first DM's
    /// permutation varying slowest; desired state = ordered state K+1; each DM varies its first min(ranks + 1, 4) ranks.
    /// Listing the windows last DM first puts Parley's profiles in that column order.
    /// </summary>
    [SharedDataTheory]
    [MemberData(nameof(InvSolCases))]
    public void GmcrPyRule_InvSolMatrices_MatchEveryColumn(string name, int k)
    {
        var model = ConflictFixtures.Gmcr($"gmcr-py/Examples/{name}.gmcr").Model;
        var rows = File.ReadAllLines(Path.Combine(TestPaths.SharedData!, "gmcr", "gmcr-py", "test_data", $"{name}_{k}_invSol.txt"))
            .Where(l => l.Trim().Length > 0)
            .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(x => double.Parse(x, CultureInfo.InvariantCulture) != 0).ToArray())
            .ToArray();
        var windows = Enumerable.Range(0, model.DecisionMakers.Count).Reverse()
            .Select(d => new InverseWindow(d, 1, Math.Min(InverseGmcr.Ranking(model, d).Count + 1, 4)))
            .ToList();

        var result = InverseGmcr.Run(model, k, windows, SanctionMode.OnceEach, int.MaxValue, InverseRule.GmcrPy);

        Assert.Equal(4, rows.Length);
        Assert.Equal(rows[0].Length, result.Profiles);
        var columns = Enumerable.Range(0, rows[0].Length).Where(c => rows.Any(r => r[c])).ToList();
        Assert.Equal(columns, result.Examples.Select(x => (int)x.Profile));
        foreach (var x in result.Examples)
        {
            Assert.Equal(
                InverseGmcr.Concepts.Select((_, i) => rows[i][x.Profile]),
                InverseGmcr.Concepts.Select(x.Concepts.Contains));
        }
    }

    /// <summary>The model with decision maker <paramref name="dm"/> ranking the given ordered states, best first, strictly.</summary>
    private static ConflictModel Ranked(ConflictModel model, int dm, params int[] orderedBestFirst)
    {
        var payoffs = new long[model.StateCount];
        for (var i = 0; i < orderedBestFirst.Length; i++)
        {
            payoffs[orderedBestFirst[i] - 1] = orderedBestFirst.Length - i;
        }

        return model.WithPayoffs(dm, payoffs);
    }
}
