using System.Collections.Concurrent;

namespace Parley.Conflict;

/// <summary>
/// Limited-move stability L_h (Kilgour 1985; Fang, Hipel and Kilgour 1993, §4). G_h(i, s) is the outcome
/// player i anticipates when it is to move at s with h moves left: G_0(i, s) = s; for h ≥ 1, i considers
/// every move s1 ∈ R_i(s) after which the other side's anticipated reply G_{h−1}(j, s1) is strictly better
/// for i than s; if there is none G_h(i, s) = s, otherwise i picks the best such outcome and
/// G_h(i, s) is that outcome. s is L_h-stable for i iff G_h(i, s) = s. L_1 is Nash stability.
/// With two players j is the opponent (Kilgour's definition). With three or more, Parley takes the
/// responder j ≠ i whose anticipated reply is worst for i (a cautious extension; documented in
/// docs/conflict.md). Ties go to the lowest state index, so results are deterministic.
/// Cost: O(h × players² × states × moves).
/// </summary>
internal static class LimitedMove
{
    /// <summary>G_h as [player][state] → anticipated state.</summary>
    public static int[][] Anticipate(ConflictModel model, Player[] players, int h)
    {
        var n = model.StateCount;
        var g = players.Select(_ => Enumerable.Range(0, n).ToArray()).ToArray();
        for (var level = 1; level <= h; level++)
        {
            var prev = g;
            var next = players.Select(_ => new int[n]).ToArray();
            for (var i = 0; i < players.Length; i++)
            {
                var player = players[i];
                var size = ConflictModel.MoveBufferSize(player.Mask);
                var target = next[i];
                var mover = i;

                // The anticipated reply at each state after i moved there, and i's score for it (one lookup per move below).
                var reply = new int[n];
                var replyScore = new long[n];
                Parallel.ForEach(Partitioner.Create(0, n), range =>
                {
                    for (var s1 = range.Item1; s1 < range.Item2; s1++)
                    {
                        reply[s1] = Reply(model, players, prev, mover, s1);
                        replyScore[s1] = player.Score(model, reply[s1]);
                    }
                });
                Parallel.ForEach(Partitioner.Create(0, n), range =>
                {
                    var buffer = new int[size];
                    for (var s = range.Item1; s < range.Item2; s++)
                    {
                        var best = s;
                        var bestScore = long.MinValue;
                        var count = player.Moves(model, s, buffer);
                        for (var k = 0; k < count; k++)
                        {
                            var s1 = buffer[k];
                            var outcome = reply[s1];
                            var score = replyScore[s1];
                            if ((score > bestScore || (score == bestScore && outcome < best)) && player.Improves(model, s, outcome))
                            {
                                best = outcome;
                                bestScore = score;
                            }
                        }

                        target[s] = best;
                    }
                });
            }

            g = next;
        }

        return g;
    }

    /// <summary>The anticipated reply at s1 after player i moved: the responder whose outcome is worst for i.</summary>
    private static int Reply(ConflictModel model, Player[] players, int[][] prev, int i, int s1)
    {
        var worst = -1;
        var worstScore = long.MaxValue;
        for (var j = 0; j < players.Length; j++)
        {
            if (j == i)
            {
                continue;
            }

            var outcome = prev[j][s1];
            var score = players[i].Score(model, outcome);
            if (score < worstScore || (score == worstScore && outcome < worst))
            {
                worst = outcome;
                worstScore = score;
            }
        }

        // A lone player (a grand coalition) has nobody to answer it: its move stands.
        return worst < 0 ? s1 : worst;
    }
}
