using CsCheck;
using Parley.Conflict;

namespace Parley.Core.Tests.Conflict;

/// <summary>Laws of the stability concepts on random small conflicts, and the engine against a plain reference.</summary>
public sealed class StabilityPropertyTests
{
    private static readonly StabilityConcept[] All =
        [.. StabilityConcept.Standard, new StabilityConcept(ConceptKind.Limited, 2), new StabilityConcept(ConceptKind.Limited, 3)];

    [Fact]
    public void Analyze_RandomConflicts_NashWithinSmrWithinGmrAndNashWithinSeqWithinGmr()
    {
        Gen.Int[0, int.MaxValue].Sample(seed =>
        {
            var model = RandomConflicts.Create(seed);
            foreach (var mode in new[] { SanctionMode.Full, SanctionMode.OnceEach })
            {
                var r = new StabilityEngine(model, Player.Individuals(model), mode).Analyze([StabilityConcept.Nash, StabilityConcept.Smr, StabilityConcept.Gmr, StabilityConcept.Seq]);
                for (var p = 0; p < r.Players.Length; p++)
                {
                    for (var s = 0; s < model.StateCount; s++)
                    {
                        bool nash = r.Stable[0][p][s], smr = r.Stable[1][p][s], gmr = r.Stable[2][p][s], seq = r.Stable[3][p][s];
                        if ((nash && !smr) || (smr && !gmr) || (nash && !seq) || (seq && !gmr))
                        {
                            return false;
                        }
                    }
                }
            }

            return true;
        }, iter: 150);
    }

    [Fact]
    public void Analyze_TwoDecisionMakers_SanctionModesAgree()
    {
        Gen.Int[0, int.MaxValue].Sample(seed =>
        {
            var model = RandomConflicts.Create(seed, 2, 2);
            var players = Player.Individuals(model);
            var full = new StabilityEngine(model, players, SanctionMode.Full).Analyze(All);
            var once = new StabilityEngine(model, players, SanctionMode.OnceEach).Analyze(All);
            return full.Stable.SelectMany(c => c).SelectMany(p => p).SequenceEqual(once.Stable.SelectMany(c => c).SelectMany(p => p));
        }, iter: 150);
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(true, true)]
    public void Analyze_RandomConflicts_EngineEqualsPlainReference(bool sparse, bool generatedMoves)
    {
        // generatedMoves: no move lists stored (as for very large conflicts), so every concept generates them per visit.
        var maxStored = generatedMoves ? 0 : MoveGraph.MaxStoredTargets;
        Gen.Int[0, int.MaxValue].Sample(seed =>
        {
            var model = RandomConflicts.Create(seed, sparse: sparse);
            foreach (var players in new[] { Player.Individuals(model), Player.Grouped(model, [[0, 1]]) })
            {
                foreach (var mode in new[] { SanctionMode.Full, SanctionMode.OnceEach })
                {
                    var result = new StabilityEngine(model, players, mode, maxStored).Analyze(All);
                    var reference = new ReferenceStability(model, players, mode);
                    for (var c = 0; c < All.Length; c++)
                    {
                        for (var p = 0; p < players.Length; p++)
                        {
                            for (var s = 0; s < model.StateCount; s++)
                            {
                                if (reference.Stable(p, s, All[c]) != result.Stable[c][p][s])
                                {
                                    throw new InvalidOperationException($"seed {seed}: {All[c].Key} player {players[p].Name} state {s + 1} ({mode})");
                                }
                            }
                        }
                    }
                }
            }
        }, iter: 60);
    }
}
