namespace Parley.Conflict;

/// <summary>
/// Checks one (player, state, concept) from the definitions by explicit search, and says why: each
/// improvement with the sanction that deters it. Thread-safe; the engine uses it for SIM and for
/// coalition SMR, the CLI for <c>--explain</c>.
/// </summary>
internal sealed class StateChecker(ConflictModel model, Player[] players, SanctionMode mode)
{
    private readonly Dictionary<int, int[][]> _anticipation = [];

    public bool IsStable(int p, int s, StabilityConcept concept) => Explain(p, s, concept, firstFailureOnly: true).Stable;

    /// <summary>The player's improvements from <paramref name="s"/> (moves to visible states strictly better for every member).</summary>
    public int[] Improvements(int p, int s)
    {
        var player = players[p];
        var buffer = new int[ConflictModel.MoveBufferSize(player.Mask)];
        var count = player.Moves(model, s, buffer);
        return [.. buffer.Take(count).Where(t => player.Improves(model, s, t))];
    }

    public StabilityExplanation Explain(int p, int s, StabilityConcept concept, bool firstFailureOnly = false)
    {
        if (concept.Kind == ConceptKind.Limited)
        {
            var g = Anticipation(concept.Horizon)[p][s];
            return new StabilityExplanation(p, s, concept, g == s, [], g);
        }

        if (concept.Kind == ConceptKind.SeqSim)
        {
            var seq = Explain(p, s, StabilityConcept.Seq, firstFailureOnly);
            return seq.Stable ? seq with { Concept = concept } : Explain(p, s, StabilityConcept.Sim, firstFailureOnly) with { Concept = concept };
        }

        var checks = new List<ImprovementCheck>();
        var stable = true;
        foreach (var s1 in Improvements(p, s))
        {
            var check = concept.Kind switch
            {
                ConceptKind.Nash => new ImprovementCheck(s1, null, null),
                ConceptKind.Sim => Simultaneous(p, s, s1),
                _ => Sequential(p, s, s1, concept.Kind),
            };
            checks.Add(check);
            if (check.Sanction is null)
            {
                stable = false;
                if (firstFailureOnly)
                {
                    break;
                }
            }
        }

        return new StabilityExplanation(p, s, concept, stable, checks);
    }

    private int[] Opponents(int p) => [.. Enumerable.Range(0, players.Length).Where(i => i != p)];

    /// <summary>No better for some member of the focal player, and visible to it.</summary>
    private bool Deters(int p, int s, int y) => players[p].Sees(model, y) && !players[p].Improves(model, s, y);

    private ImprovementCheck Sequential(int p, int s, int s1, ConceptKind kind)
    {
        var player = players[p];
        var buffer = new int[ConflictModel.MoveBufferSize(player.Mask)];
        bool Goal(int y)
        {
            if (!Deters(p, s, y))
            {
                return false;
            }

            if (kind != ConceptKind.Smr)
            {
                return true;
            }

            // SMR: the focal player cannot escape the sanction by a further move of its own.
            var count = player.Moves(model, y, buffer);
            for (var k = 0; k < count; k++)
            {
                if (player.Improves(model, s, buffer[k]))
                {
                    return false;
                }
            }

            return true;
        }

        var path = ReachSearch.Find(model, players, Opponents(p), s1, kind == ConceptKind.Seq, mode, Goal);
        return new ImprovementCheck(s1, path, path?[^1].To);
    }

    /// <summary>SIM: opponents, each making at most one of its own improvements from s, move at the same time as the focal player.</summary>
    private ImprovementCheck Simultaneous(int p, int s, int s1)
    {
        var opponents = Opponents(p);
        var choices = opponents.Select(o => Improvements(o, s)).ToArray();
        var chosen = new int[opponents.Length];
        var focalBits = model.Mask(s1) & players[p].Mask;
        var baseMask = model.Mask(s) & ~players[p].Mask;
        int outcome = -1;
        if (Search(0, baseMask, false))
        {
            var steps = new List<MoveStep>();
            for (var k = 0; k < opponents.Length; k++)
            {
                if (chosen[k] >= 0)
                {
                    steps.Add(new MoveStep(opponents[k], chosen[k]));
                }
            }

            return new ImprovementCheck(s1, steps, outcome);
        }

        return new ImprovementCheck(s1, null, null);

        bool Search(int k, long mask, bool anyMoved)
        {
            if (k == opponents.Length)
            {
                if (!anyMoved)
                {
                    return false;
                }

                var z = model.IndexOf(mask | focalBits);
                if (z >= 0 && Deters(p, s, z))
                {
                    outcome = z;
                    return true;
                }

                return false;
            }

            var own = players[opponents[k]].Mask;
            chosen[k] = -1;
            if (Search(k + 1, mask, anyMoved))
            {
                return true;
            }

            foreach (var t in choices[k])
            {
                chosen[k] = t;
                if (Search(k + 1, (mask & ~own) | (model.Mask(t) & own), true))
                {
                    return true;
                }
            }

            chosen[k] = -1;
            return false;
        }
    }

    private int[][] Anticipation(int h)
    {
        lock (_anticipation)
        {
            if (!_anticipation.TryGetValue(h, out var g))
            {
                g = LimitedMove.Anticipate(model, players, h);
                _anticipation[h] = g;
            }

            return g;
        }
    }
}
