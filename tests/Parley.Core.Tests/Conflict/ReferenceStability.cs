using Parley.Conflict;

namespace Parley.Core.Tests.Conflict;

/// <summary>
/// A plain implementation of the definitions for property tests: moves found by comparing every pair of
/// feasible states, reachable sets by depth-first search over explicit move sequences, SIM by trying every
/// subset of opponents. Deliberately shares no code with the engine except the model's payoffs and masks.
/// </summary>
internal sealed class ReferenceStability(ConflictModel model, Player[] players, SanctionMode mode)
{
    private readonly int _n = model.StateCount;

    public bool Stable(int p, int s, StabilityConcept concept) => concept.Kind switch
    {
        ConceptKind.Nash => Uis(p, s).Count == 0,
        ConceptKind.Gmr => Uis(p, s).All(s1 => Reach(p, s1, false).Any(s2 => NoBetter(p, s, s2))),
        ConceptKind.Seq => Uis(p, s).All(s1 => Reach(p, s1, true).Any(s2 => NoBetter(p, s, s2))),
        ConceptKind.Smr => Uis(p, s).All(s1 => Reach(p, s1, false).Any(s2 => NoBetter(p, s, s2) && Moves(p, s2).All(s3 => NoBetter(p, s, s3)))),
        ConceptKind.Sim => Uis(p, s).All(s1 => SimSanctioned(p, s, s1)),
        ConceptKind.SeqSim => Stable(p, s, StabilityConcept.Seq) || Stable(p, s, StabilityConcept.Sim),
        ConceptKind.Limited => G(concept.Horizon, p, s) == s,
        _ => throw new ArgumentOutOfRangeException(nameof(concept)),
    };

    private bool Better(int p, int from, int to) => players[p].Members.All(m => model.Payoff(m, to) > model.Payoff(m, from));

    private bool NoBetter(int p, int s, int y) => !Better(p, s, y);

    private List<int> Moves(int p, int x)
    {
        var mask = players[p].Mask;
        var list = new List<int>();
        for (var y = 0; y < _n; y++)
        {
            var a = model.Mask(x);
            var b = model.Mask(y);
            if (y == x || ((a ^ b) & ~mask) != 0)
            {
                continue;
            }

            var withdrawn = a & ~b;
            var taken = b & ~a;
            if ((withdrawn & model.NoWithdrawMask) == 0 && (taken & model.NoTakeMask) == 0)
            {
                list.Add(y);
            }
        }

        return list;
    }

    private List<int> Uis(int p, int s) => [.. Moves(p, s).Where(y => Better(p, s, y))];

    private HashSet<int> Reach(int focal, int start, bool improving)
    {
        var found = new HashSet<int>();
        var seen = new HashSet<(int, int, int)>();
        Visit(start, -1, 0);
        return found;

        void Visit(int x, int last, int used)
        {
            if (!seen.Add((x, last, used)))
            {
                return;
            }

            for (var q = 0; q < players.Length; q++)
            {
                if (q == focal || q == last || (mode == SanctionMode.OnceEach && (used & (1 << q)) != 0))
                {
                    continue;
                }

                foreach (var y in Moves(q, x))
                {
                    if (improving && !Better(q, x, y))
                    {
                        continue;
                    }

                    found.Add(y);
                    Visit(y, q, used | (1 << q));
                }
            }
        }
    }

    private bool SimSanctioned(int p, int s, int s1)
    {
        var opponents = Enumerable.Range(0, players.Length).Where(q => q != p).ToList();
        var options = opponents.Select(q => new[] { -1 }.Concat(Uis(q, s)).ToList()).ToList();
        foreach (var combo in Cartesian(options))
        {
            if (combo.All(c => c < 0))
            {
                continue;
            }

            var mask = model.Mask(s1);
            for (var k = 0; k < opponents.Count; k++)
            {
                if (combo[k] >= 0)
                {
                    var own = players[opponents[k]].Mask;
                    mask = (mask & ~own) | (model.Mask(combo[k]) & own);
                }
            }

            var z = Enumerable.Range(0, _n).FirstOrDefault(i => model.Mask(i) == mask, -1);
            if (z >= 0 && NoBetter(p, s, z))
            {
                return true;
            }
        }

        return false;
    }

    private static IEnumerable<int[]> Cartesian(List<List<int>> lists)
    {
        IEnumerable<int[]> acc = [[]];
        foreach (var list in lists)
        {
            acc = acc.SelectMany(prefix => list.Select(x => prefix.Append(x).ToArray())).ToList();
        }

        return acc;
    }

    /// <summary>Limited-move anticipation straight from the recursive definition (no tables).</summary>
    private int G(int h, int i, int s)
    {
        if (h == 0)
        {
            return s;
        }

        var best = s;
        var bestScore = long.MinValue;
        foreach (var s1 in Moves(i, s))
        {
            var outcome = -1;
            var worst = long.MaxValue;
            for (var j = 0; j < players.Length; j++)
            {
                if (j == i)
                {
                    continue;
                }

                var o = G(h - 1, j, s1);
                var score = players[i].Members.Sum(m => model.Payoff(m, o));
                if (score < worst || (score == worst && o < outcome))
                {
                    worst = score;
                    outcome = o;
                }
            }

            if (outcome < 0)
            {
                outcome = s1;
            }

            if (!Better(i, s, outcome))
            {
                continue;
            }

            var sc = players[i].Members.Sum(m => model.Payoff(m, outcome));
            if (sc > bestScore || (sc == bestScore && outcome < best))
            {
                bestScore = sc;
                best = outcome;
            }
        }

        return best;
    }
}
