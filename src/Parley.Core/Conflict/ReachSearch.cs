namespace Parley.Conflict;

/// <summary>
/// Breadth-first search through legal sequences of the given players' moves (no player twice in a row,
/// or, in once-each mode, each player at most once), returning the shortest path to the first state that
/// satisfies a predicate. Used for single questions (explanations, coalitions, inverse GMCR) where the
/// path matters; whole-conflict analysis uses <see cref="ReachFloor"/>.
/// </summary>
internal static class ReachSearch
{
    public static IReadOnlyList<MoveStep>? Find(
        ConflictModel model, Player[] players, int[] movers, int start, bool improvingOnly, SanctionMode mode, Func<int, bool> goal)
    {
        if (movers.Length == 0)
        {
            return null;
        }

        var buffer = new int[movers.Max(m => ConflictModel.MoveBufferSize(players[m].Mask))];
        var parent = new Dictionary<(int State, int Tag), (int State, int Tag, int Mover)>();
        var queue = new Queue<(int State, int Tag)>();
        queue.Enqueue((start, 0));
        parent[(start, 0)] = (-1, -1, -1);
        while (queue.Count > 0)
        {
            var (x, tag) = queue.Dequeue();
            for (var k = 0; k < movers.Length; k++)
            {
                // Tag: full mode = 1 + position of the last mover (0 at the start); once-each = set of movers used.
                if (mode == SanctionMode.Full ? tag == k + 1 : (tag & (1 << k)) != 0)
                {
                    continue;
                }

                var p = players[movers[k]];
                var count = p.Moves(model, x, buffer);
                for (var e = 0; e < count; e++)
                {
                    var y = buffer[e];
                    if (improvingOnly && !p.Improves(model, x, y))
                    {
                        continue;
                    }

                    var next = (y, mode == SanctionMode.Full ? k + 1 : tag | (1 << k));
                    if (!parent.TryAdd(next, (x, tag, movers[k])))
                    {
                        continue;
                    }

                    if (goal(y))
                    {
                        var path = new List<MoveStep>();
                        var node = next;
                        while (node != (start, 0))
                        {
                            var (ps, pt, pm) = parent[node];
                            path.Add(new MoveStep(pm, node.Item1));
                            node = (ps, pt);
                        }

                        path.Reverse();
                        return path;
                    }

                    queue.Enqueue(next);
                }
            }
        }

        return null;
    }

    /// <summary>Every state reachable by a legal sequence of at least one move (for tests and small conflicts).</summary>
    public static HashSet<int> All(ConflictModel model, Player[] players, int[] movers, int start, bool improvingOnly, SanctionMode mode)
    {
        var found = new HashSet<int>();
        Find(model, players, movers, start, improvingOnly, mode, y =>
        {
            found.Add(y);
            return false;
        });
        return found;
    }
}
