using System.Collections.Concurrent;

namespace Parley.Conflict;

/// <summary>
/// For every state x, the least value (per value array) over the states the opponents H can reach
/// from x in at least one move: F[x] = min { V[y] : y ∈ R_H(x) } (long.MaxValue when H cannot move).
/// This turns "is there a sanction?" into one comparison per improvement, so GMR, SEQ and SMR cost
/// O(states × moves) instead of enumerating move sequences.
/// <list type="bullet">
/// <item>One opponent: its single moves.</item>
/// <item>Full mode, two or more opponents: legal sequences (no player twice in a row) reach exactly the
/// closure of the opponents' move graph, because two consecutive moves by one player equal one move by
/// it (options are disjoint and irreversible options stay monotone). The closure minimum is computed
/// over strongly connected components (iterative Tarjan), in O(states + moves).</item>
/// <item>Once-each mode: a memo over (set of opponents who already moved, state).</item>
/// </list>
/// </summary>
internal static class ReachFloor
{
    public static long[][] Compute(ConflictModel model, MoveGraph[] opponents, bool improvingOnly, SanctionMode mode, long[][] values)
    {
        if (opponents.Length == 0)
        {
            return [.. values.Select(_ => Filled(model.StateCount, long.MaxValue))];
        }

        if (opponents.Length == 1)
        {
            return OneStep(model, opponents, improvingOnly, values);
        }

        if (mode == SanctionMode.OnceEach)
        {
            return OnceEach(model, opponents, improvingOnly, values);
        }

        var closure = !improvingOnly && model.NoWithdrawMask == 0 && model.NoTakeMask == 0
            ? Components(model, opponents, values)
            : Closure(model, opponents, improvingOnly, values);
        return OneStep(model, opponents, improvingOnly, closure);
    }

    private static long[] Filled(int n, long v)
    {
        var a = new long[n];
        Array.Fill(a, v);
        return a;
    }

    private static int BufferSize(MoveGraph[] graphs) => graphs.Max(g => g.BufferSize);

    /// <summary>min over one move by any opponent of <paramref name="next"/>.</summary>
    private static long[][] OneStep(ConflictModel model, MoveGraph[] opponents, bool improvingOnly, long[][] next)
    {
        var n = model.StateCount;
        var result = next.Select(_ => new long[n]).ToArray();
        var size = BufferSize(opponents);
        Parallel.ForEach(Partitioner.Create(0, n), range =>
        {
            Span<int> buffer = new int[size];
            var best = new long[next.Length];
            for (var x = range.Item1; x < range.Item2; x++)
            {
                Array.Fill(best, long.MaxValue);
                foreach (var g in opponents)
                {
                    foreach (var y in g.Targets(x, improvingOnly, buffer))
                    {
                        for (var v = 0; v < next.Length; v++)
                        {
                            best[v] = Math.Min(best[v], next[v][y]);
                        }
                    }
                }

                for (var v = 0; v < next.Length; v++)
                {
                    result[v][x] = best[v];
                }
            }
        });
        return result;
    }

    /// <summary>
    /// When every option is reversible the move graph is symmetric, so the closure is a connected component:
    /// all feasible states that differ from x only in one player's options are one move apart, so union-find
    /// over (player, other players' bits) classes finds the components in O(states × players).
    /// </summary>
    private static long[][] Components(ConflictModel model, MoveGraph[] movers, long[][] values)
    {
        var n = model.StateCount;
        var parent = Enumerable.Range(0, n).ToArray();
        var first = new Dictionary<long, int>();
        foreach (var g in movers)
        {
            first.Clear();
            for (var x = 0; x < n; x++)
            {
                var key = model.Mask(x) & ~g.Player.Mask;
                if (first.TryGetValue(key, out var rep))
                {
                    Union(rep, x);
                }
                else
                {
                    first[key] = x;
                }
            }
        }

        var closure = values.Select(_ => Filled(n, long.MaxValue)).ToArray();
        for (var x = 0; x < n; x++)
        {
            var root = Find(x);
            for (var a = 0; a < values.Length; a++)
            {
                closure[a][root] = Math.Min(closure[a][root], values[a][x]);
            }
        }

        for (var x = 0; x < n; x++)
        {
            var root = Find(x);
            for (var a = 0; a < values.Length; a++)
            {
                closure[a][x] = closure[a][root];
            }
        }

        return closure;

        int Find(int x)
        {
            while (parent[x] != x)
            {
                parent[x] = parent[parent[x]];
                x = parent[x];
            }

            return x;
        }

        void Union(int a, int b)
        {
            a = Find(a);
            b = Find(b);
            if (a != b)
            {
                parent[Math.Max(a, b)] = Math.Min(a, b);
            }
        }
    }

    /// <summary>C[x] = min of V over x and everything reachable from x (Tarjan, components emitted sinks first).</summary>
    private static long[][] Closure(ConflictModel model, MoveGraph[] movers, bool improvingOnly, long[][] values)
    {
        var n = model.StateCount;
        var closure = values.Select(_ => new long[n]).ToArray();
        var index = new int[n];
        var low = new int[n];
        var comp = new int[n];
        Array.Fill(index, -1);
        Array.Fill(comp, -1);
        var sccStack = new int[n];
        var sccTop = 0;
        var onStack = new bool[n];
        var frames = new Stack<Frame>();
        var counter = 0;
        var compCount = 0;
        var best = new long[values.Length];

        // acc[a][v]: least closure value over v's edges into components already emitted, so each edge is visited once.
        var acc = values.Select(_ => Filled(n, long.MaxValue)).ToArray();

        for (var root = 0; root < n; root++)
        {
            if (index[root] >= 0)
            {
                continue;
            }

            Push(root);
            while (frames.Count > 0)
            {
                var f = frames.Pop();
                var w = Next(ref f);
                if (w >= 0)
                {
                    frames.Push(f);
                    if (index[w] < 0)
                    {
                        Push(w);
                    }
                    else if (onStack[w])
                    {
                        // On the stack: same component as f.Node, merged when the component is emitted.
                        low[f.Node] = Math.Min(low[f.Node], index[w]);
                    }
                    else
                    {
                        Absorb(f.Node, w);
                    }

                    continue;
                }

                var v = f.Node;
                if (low[v] == index[v])
                {
                    var start = sccTop;
                    do
                    {
                        start--;
                    }
                    while (sccStack[start] != v);

                    var id = compCount++;
                    Array.Fill(best, long.MaxValue);
                    for (var k = start; k < sccTop; k++)
                    {
                        var u = sccStack[k];
                        comp[u] = id;
                        onStack[u] = false;
                        for (var a = 0; a < values.Length; a++)
                        {
                            best[a] = Math.Min(best[a], Math.Min(values[a][u], acc[a][u]));
                        }
                    }

                    for (var k = start; k < sccTop; k++)
                    {
                        for (var a = 0; a < values.Length; a++)
                        {
                            closure[a][sccStack[k]] = best[a];
                        }
                    }

                    sccTop = start;
                }

                if (frames.Count > 0)
                {
                    var parent = frames.Pop();
                    low[parent.Node] = Math.Min(low[parent.Node], low[v]);
                    if (comp[v] >= 0)
                    {
                        Absorb(parent.Node, v);
                    }

                    frames.Push(parent);
                }
            }
        }

        return closure;

        void Absorb(int from, int completed)
        {
            for (var a = 0; a < values.Length; a++)
            {
                acc[a][from] = Math.Min(acc[a][from], closure[a][completed]);
            }
        }

        void Push(int node)
        {
            index[node] = low[node] = counter++;
            sccStack[sccTop++] = node;
            onStack[node] = true;
            frames.Push(new Frame(node));
        }

        int Next(ref Frame f)
        {
            while (f.Player < movers.Length)
            {
                var t = movers[f.Player].Next(f.Node, improvingOnly, ref f.Cursor);
                if (t >= 0)
                {
                    return t;
                }

                f.Player++;
                f.Cursor = 0;
            }

            return -1;
        }
    }

    /// <summary>Each opponent moves at most once: g(U, y) = min(V[y], min over k ∉ U, z ∈ R_k(y) of g(U ∪ {k}, z)).</summary>
    private static long[][] OnceEach(ConflictModel model, MoveGraph[] opponents, bool improvingOnly, long[][] values)
    {
        var n = model.StateCount;
        var sets = 1 << opponents.Length;
        const long Unknown = long.MinValue;
        var memo = values.Select(_ => Enumerable.Range(0, sets).Select(_ => Filled(n, Unknown)).ToArray()).ToArray();
        var size = BufferSize(opponents);
        var result = values.Select(_ => new long[n]).ToArray();
        Parallel.ForEach(Partitioner.Create(0, n), range =>
        {
            var buffers = Enumerable.Range(0, opponents.Length + 1).Select(_ => new int[size]).ToArray();
            for (var x = range.Item1; x < range.Item2; x++)
            {
                for (var a = 0; a < values.Length; a++)
                {
                    result[a][x] = After(a, 0, x, 0);
                }
            }

            // Least value reachable after the players in `used` have moved, from y (excluding y itself).
            long After(int a, int used, int y, int depth)
            {
                var best = long.MaxValue;
                for (var k = 0; k < opponents.Length; k++)
                {
                    if ((used & (1 << k)) != 0)
                    {
                        continue;
                    }

                    foreach (var z in opponents[k].Targets(y, improvingOnly, buffers[depth]))
                    {
                        best = Math.Min(best, G(a, used | (1 << k), z, depth + 1));
                    }
                }

                return best;
            }

            long G(int a, int used, int z, int depth)
            {
                var cached = memo[a][used][z];
                if (cached != Unknown)
                {
                    return cached;
                }

                var v = Math.Min(values[a][z], After(a, used, z, depth));
                memo[a][used][z] = v;
                return v;
            }
        });
        return result;
    }

    /// <summary>A depth-first frame: the node, the mover whose list is being walked, and the position in it.</summary>
    private struct Frame(int node)
    {
        public int Node = node;
        public int Player;
        public long Cursor;
    }
}
