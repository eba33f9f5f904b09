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
/// Each player's moves and improvements are listed once per engine (<see cref="MoveGraph"/>) and shared by every
/// concept. Work is parallel over states; each state's result depends only on the input, so output is the
/// same on any number of threads.
/// <c>maxStoredTargets</c> bounds the stored lists (<see cref="MoveGraph.MaxStoredTargets"/>); tests pass 0 to check the generated path.
/// </summary>
internal sealed class StabilityEngine(ConflictModel model, Player[] players, SanctionMode mode = SanctionMode.Full, long maxStoredTargets = MoveGraph.MaxStoredTargets)
{
    private readonly ConcurrentDictionary<int, Lazy<int[][]>> _anticipation = new();
    private readonly Lazy<MoveGraph>[] _graphs = [.. players.Select(p => new Lazy<MoveGraph>(() => new MoveGraph(model, p, maxStoredTargets)))];

    public ConflictModel Model => model;

    public Player[] Players => players;

    public SanctionMode Mode => mode;

    /// <summary>Analyses every concept; <paramref name="progress"/> receives (fraction done, what) and must be thread-safe.</summary>
    public StabilityResult Analyze(IReadOnlyList<StabilityConcept> concepts, Action<double, string>? progress = null)
    {
        var stable = new bool[concepts.Count][][];
        var steps = concepts.Count * players.Length;
        var done = 0;
        var cache = new ConcurrentDictionary<(ConceptKind, int), bool[]>();
        for (var c = 0; c < concepts.Count; c++)
        {
            // Players are independent: analysing them side by side keeps both cores busy during the
            // sequential parts (component search); each result lands in its own slot, so output is deterministic.
            var concept = concepts[c];
            progress?.Invoke((double)done / steps, concept.Title);
            stable[c] = new bool[players.Length][];
            var row = stable[c];
            Parallel.For(0, players.Length, p =>
            {
                row[p] = Stable(concept, p, cache);
                var finished = Interlocked.Increment(ref done);
                progress?.Invoke((double)finished / steps, $"{concept.Title} for {players[p].Name}");
            });
        }

        progress?.Invoke(1, "done");
        return new StabilityResult(model, players, mode, concepts, stable);
    }

    private bool[] Stable(StabilityConcept concept, int p, ConcurrentDictionary<(ConceptKind, int), bool[]> cache)
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
            ConceptKind.Sim => Simultaneous(p),
            ConceptKind.SeqSim => Or(Stable(StabilityConcept.Seq, p, cache), Stable(StabilityConcept.Sim, p, cache)),
            ConceptKind.Limited => [.. Anticipation(concept.Horizon)[p].Select((g, s) => g == s)],
            _ => throw new ArgumentOutOfRangeException(nameof(concept)),
        };
        if (concept.Kind != ConceptKind.Limited)
        {
            cache[(concept.Kind, p)] = result;
        }

        return result;
    }

    /// <summary>G_h for every player, computed once per horizon (all players' tables depend on each other).</summary>
    private int[][] Anticipation(int h) =>
        _anticipation.GetOrAdd(h, k => new Lazy<int[][]>(() => LimitedMove.Anticipate(model, players, k))).Value;

    private static bool[] Or(bool[] a, bool[] b) => [.. a.Select((x, i) => x || b[i])];

    private MoveGraph Graph(int p) => _graphs[p].Value;

    private MoveGraph[] Opponents(int p) => [.. Enumerable.Range(0, players.Length).Where(i => i != p).Select(Graph)];

    private bool[] Nash(int p)
    {
        var stable = new bool[model.StateCount];
        ForEachState(p, (s, uis) => stable[s] = uis.IsEmpty);
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
        ForEachState(p, (s, uis) =>
        {
            foreach (var s1 in uis)
            {
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
        var graph = Graph(p);
        var values = new long[model.StateCount];
        Parallel.ForEach(Partitioner.Create(0, model.StateCount), range =>
        {
            Span<int> buffer = new int[graph.BufferSize];
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
                    foreach (var y in graph.Moves(x, buffer))
                    {
                        v = Math.Max(v, model.Payoff(member, y));
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

    /// <summary>
    /// SIM: per state, the opponents' improvements from it are listed once; each focal improvement then searches
    /// the combinations (each opponent stays or takes one of its improvements, at least one moves) for a feasible
    /// outcome no better for the focal player, stopping at the first.
    /// </summary>
    private bool[] Simultaneous(int p)
    {
        var player = players[p];
        var graph = Graph(p);
        var opponents = Opponents(p);
        var stable = new bool[model.StateCount];
        var relevant = RelevantOptions(player);
        var all = (1L << model.Options.Count) - 1;
        Parallel.ForEach(Partitioner.Create(0, model.StateCount), range =>
        {
            var scratch = new int[graph.BufferSize];
            var opponentScratch = opponents.Select(o => new int[o.BufferSize]).ToArray();
            var choices = opponents.Select(o => new long[o.BufferSize]).ToArray();
            var counts = new int[opponents.Length];
            for (var s = range.Item1; s < range.Item2; s++)
            {
                var uis = graph.Improvements(s, scratch);
                if (uis.IsEmpty)
                {
                    stable[s] = true;
                    continue;
                }

                for (var o = 0; o < opponents.Length; o++)
                {
                    counts[o] = 0;
                    var own = opponents[o].Player.Mask;
                    foreach (var t in opponents[o].Improvements(s, opponentScratch[o]))
                    {
                        var bits = model.Mask(t) & own;
                        if (relevant == all || IsNewChoice(choices[o], counts[o], bits, relevant))
                        {
                            choices[o][counts[o]++] = bits;
                        }
                    }
                }

                var ok = true;
                foreach (var s1 in uis)
                {
                    var start = (model.Mask(s) & ~player.Mask) | (model.Mask(s1) & player.Mask);
                    if (!Search(s, 0, start, false))
                    {
                        ok = false;
                        break;
                    }
                }

                stable[s] = ok;
            }

            bool Search(int s, int o, long mask, bool moved)
            {
                if (o == opponents.Length)
                {
                    if (!moved)
                    {
                        return false;
                    }

                    var z = model.IndexOf(mask);
                    return z >= 0 && player.Sees(model, z) && !player.Improves(model, s, z);
                }

                if (Search(s, o + 1, mask, moved))
                {
                    return true;
                }

                var own = opponents[o].Player.Mask;
                for (var c = 0; c < counts[o]; c++)
                {
                    if (Search(s, o + 1, (mask & ~own) | choices[o][c], true))
                    {
                        return true;
                    }
                }

                return false;
            }
        });
        return stable;
    }

    /// <summary>
    /// Options that can change the player's payoffs. When every option combination is feasible and nobody
    /// misperceives, opponents' simultaneous choices that differ only in other options are interchangeable
    /// for SIM, which shrinks the search; otherwise every option counts.
    /// </summary>
    private long RelevantOptions(Player player)
    {
        var all = (1L << model.Options.Count) - 1;
        if (model.HasMisperceptions || model.StateCount != 1L << model.Options.Count)
        {
            return all;
        }

        long relevant = 0;
        for (var k = 0; k < model.Options.Count; k++)
        {
            var bit = 1L << k;
            var matters = false;
            for (var x = 0; x < model.StateCount && !matters; x++)
            {
                // Fully feasible: index = mask, so x ^ bit is a state.
                foreach (var m in player.Members)
                {
                    matters |= model.Payoff(m, x) != model.Payoff(m, x ^ (int)bit);
                }
            }

            if (matters)
            {
                relevant |= bit;
            }
        }

        return relevant;
    }

    private static bool IsNewChoice(long[] choices, int count, long bits, long relevant)
    {
        for (var c = 0; c < count; c++)
        {
            if ((choices[c] & relevant) == (bits & relevant))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Runs <paramref name="body"/> for each state with the player's improvements from it, in parallel.</summary>
    private void ForEachState(int p, StateBody body)
    {
        var graph = Graph(p);
        Parallel.ForEach(Partitioner.Create(0, model.StateCount), range =>
        {
            var scratch = new int[graph.BufferSize];
            for (var s = range.Item1; s < range.Item2; s++)
            {
                body(s, graph.Improvements(s, scratch));
            }
        });
    }

    private delegate void StateBody(int state, ReadOnlySpan<int> improvements);
}
