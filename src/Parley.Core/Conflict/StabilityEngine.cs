using System.Collections.Concurrent;

namespace Parley.Conflict;

/// <summary>
/// Computes stability for all states, players and concepts. Definitions (Fang, Hipel and Kilgour 1993),
/// for player i at state s, with R_i(s) its moves and R+_i(s) its improvements:
/// <list type="bullet">
/// <item>Nash: R+_i(s) is empty.</item>
/// <item>GMR: every s1 ∈ R+_i(s) is sanctioned: some s2 ∈ R_{N−i}(s1) with s2 ⪯_i s.</item>
/// <item>SMR: as GMR, with an s2 from which no move s3 ∈ R_i(s2) gives i more than s.</item>
/// <item>SEQ: as GMR, with s2 ∈ R+_{N−i}(s1) (opponents move only by their own improvements).</item>
/// <item>SIM: for every s1 ∈ R+_i(s), opponents' simultaneous improvements from s (each opponent at most
/// one, at least one moving) lead, together with i's move, to a feasible state ⪯_i s.</item>
/// <item>SEQ∧SIM: SEQ-stable or SIM-stable (a deterrent of either kind suffices, as in gmcr-py).</item>
/// <item>L_h: Kilgour's limited-move stability, see <see cref="LimitedMove"/>.</item>
/// </list>
/// Work is parallel over states; each state's result depends only on the input, so output is the
/// same on any number of threads.
/// </summary>
internal sealed class StabilityEngine(ConflictModel model, Player[] players, SanctionMode mode = SanctionMode.Full)
{
    public ConflictModel Model => model;

    public Player[] Players => players;

    public SanctionMode Mode => mode;

    /// <summary>Analyses every concept; <paramref name="progress"/> receives (fraction done, what) and must be thread-safe.</summary>
    public StabilityResult Analyze(IReadOnlyList<StabilityConcept> concepts, Action<double, string>? progress = null)
    {
        var stable = new bool[concepts.Count][][];
        var steps = concepts.Count * players.Length;
        var done = 0;
        Dictionary<(ConceptKind, int), bool[]> cache = [];
        for (var c = 0; c < concepts.Count; c++)
        {
            stable[c] = new bool[players.Length][];
            for (var p = 0; p < players.Length; p++)
            {
                progress?.Invoke((double)done / steps, $"{concepts[c].Title} for {players[p].Name}");
                stable[c][p] = Stable(concepts[c], p, cache);
                done++;
            }
        }

        progress?.Invoke(1, "done");
        return new StabilityResult(model, players, mode, concepts, stable);
    }

    private bool[] Stable(StabilityConcept concept, int p, Dictionary<(ConceptKind, int), bool[]> cache)
    {
        if (concept.Kind != ConceptKind.Limited && cache.TryGetValue((concept.Kind, p), out var hit))
        {
            return hit;
        }

        var result = concept.Kind switch
        {
            ConceptKind.Nash => Nash(p),
            ConceptKind.Gmr => Sanctioned(p, improvingOnly: false, smr: false),
            ConceptKind.Seq => Sanctioned(p, improvingOnly: true, smr: false),
            ConceptKind.Smr => players[p].IsCoalition ? Explicit(p, StabilityConcept.Smr) : Sanctioned(p, improvingOnly: false, smr: true),
            ConceptKind.Sim => Explicit(p, StabilityConcept.Sim),
            ConceptKind.SeqSim => Or(Stable(StabilityConcept.Seq, p, cache), Stable(StabilityConcept.Sim, p, cache)),
            ConceptKind.Limited => LimitedMove.Stable(model, players, concept.Horizon, p),
            _ => throw new ArgumentOutOfRangeException(nameof(concept)),
        };
        cache[(concept.Kind, p)] = result;
        return result;
    }

    private static bool[] Or(bool[] a, bool[] b) => [.. a.Select((x, i) => x || b[i])];

    private Player[] Opponents(int p) => [.. players.Where((_, i) => i != p)];

    private bool[] Nash(int p)
    {
        var stable = new bool[model.StateCount];
        ForEachState(p, (s, uis, count) => stable[s] = count == 0);
        return stable;
    }

    /// <summary>GMR, SEQ and SMR through <see cref="ReachFloor"/>: an improvement s1 is sanctioned when
    /// some member's least reachable value from s1 is no better than its payoff at s.</summary>
    private bool[] Sanctioned(int p, bool improvingOnly, bool smr)
    {
        var player = players[p];
        var values = player.Members.Select(m => SanctionValues(p, m, smr)).ToArray();
        var floor = ReachFloor.Compute(model, Opponents(p), improvingOnly, mode, values);
        var stable = new bool[model.StateCount];
        ForEachState(p, (s, uis, count) =>
        {
            for (var k = 0; k < count; k++)
            {
                var s1 = uis[k];
                var sanctioned = false;
                for (var a = 0; a < player.Members.Length && !sanctioned; a++)
                {
                    sanctioned = floor[a][s1] <= model.Payoff(player.Members[a], s);
                }

                if (!sanctioned)
                {
                    stable[s] = false;
                    return;
                }
            }

            stable[s] = true;
        });
        return stable;
    }

    /// <summary>A member's payoff at each state as a sanction (max when misperceived); for SMR, the best it could
    /// reach from there by one more move of its own (the counter-response).</summary>
    private long[] SanctionValues(int p, int member, bool smr)
    {
        var player = players[p];
        var values = new long[model.StateCount];
        var size = ConflictModel.MoveBufferSize(player.Mask);
        Parallel.ForEach(Partitioner.Create(0, model.StateCount), range =>
        {
            Span<int> buffer = new int[size];
            for (var x = range.Item1; x < range.Item2; x++)
            {
                if (!player.Sees(model, x))
                {
                    values[x] = long.MaxValue;
                    continue;
                }

                var v = model.Payoff(member, x);
                if (smr)
                {
                    var count = model.Moves(player.Mask, x, buffer);
                    for (var k = 0; k < count; k++)
                    {
                        if (player.Sees(model, buffer[k]))
                        {
                            v = Math.Max(v, model.Payoff(member, buffer[k]));
                        }
                    }
                }

                values[x] = v;
            }
        });
        return values;
    }

    private bool[] Explicit(int p, StabilityConcept concept)
    {
        var checker = new StateChecker(model, players, mode);
        var stable = new bool[model.StateCount];
        Parallel.ForEach(Partitioner.Create(0, model.StateCount), range =>
        {
            for (var s = range.Item1; s < range.Item2; s++)
            {
                stable[s] = checker.IsStable(p, s, concept);
            }
        });
        return stable;
    }

    /// <summary>Runs <paramref name="body"/> for each state with the player's improvements from it, in parallel.</summary>
    private void ForEachState(int p, StateBody body)
    {
        var player = players[p];
        var size = ConflictModel.MoveBufferSize(player.Mask);
        Parallel.ForEach(Partitioner.Create(0, model.StateCount), range =>
        {
            var moves = new int[size];
            var uis = new int[size];
            for (var s = range.Item1; s < range.Item2; s++)
            {
                var count = model.Moves(player.Mask, s, moves);
                var n = 0;
                for (var k = 0; k < count; k++)
                {
                    if (player.Improves(model, s, moves[k]) && player.Sees(model, moves[k]))
                    {
                        uis[n++] = moves[k];
                    }
                }

                body(s, uis, n);
            }
        });
    }

    private delegate void StateBody(int state, int[] improvements, int count);
}
