namespace Parley.Conflict;

/// <summary>Status-quo analysis: breadth-first search over improvements from a starting state.</summary>
internal static class StatusQuoAnalysis
{
    /// <summary>At most this many states are explored (the search is for the CLI's <c>--from</c>, not whole-conflict analysis).</summary>
    public const int MaxStates = 2_000_000;

    public static StatusQuoResult Run(ConflictModel model, Player[] players, int start)
    {
        var checker = new StateChecker(model, players, SanctionMode.Full);
        var parent = new Dictionary<int, MoveStep> { [start] = new MoveStep(-1, start) };
        var previous = new Dictionary<int, int>();
        var queue = new Queue<int>();
        var final = new List<int>();
        queue.Enqueue(start);
        while (queue.Count > 0 && parent.Count < MaxStates)
        {
            var x = queue.Dequeue();
            var any = false;
            for (var p = 0; p < players.Length; p++)
            {
                foreach (var y in checker.Improvements(p, x))
                {
                    any = true;
                    if (parent.TryAdd(y, new MoveStep(p, y)))
                    {
                        previous[y] = x;
                        queue.Enqueue(y);
                    }
                }
            }

            if (!any)
            {
                final.Add(x);
            }
        }

        var paths = new Dictionary<int, IReadOnlyList<MoveStep>>();
        foreach (var state in parent.Keys)
        {
            var path = new List<MoveStep>();
            for (var x = state; x != start; x = previous[x])
            {
                path.Add(parent[x]);
            }

            path.Reverse();
            paths[state] = path;
        }

        return new StatusQuoResult(start, [.. parent.Keys.Order()], paths, [.. final.Order()]);
    }
}
