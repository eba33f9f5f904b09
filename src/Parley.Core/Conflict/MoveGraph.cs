using System.Collections.Concurrent;

namespace Parley.Conflict;

/// <summary>
/// One player's moves and unilateral improvements from every state, built once per analysis and shared by every
/// concept. Stored as flat CSR arrays (offsets + targets, in <see cref="Player.Moves"/>' order) when they fit
/// <see cref="MaxStoredTargets"/>; above that (e.g. 2^20 states × 31 moves) they are generated on each visit as
/// before, so memory stays linear in states for very large conflicts. Immutable and thread-safe once built.
/// </summary>
internal sealed class MoveGraph
{
    /// <summary>Upper bound on states × (moves per state) for storing the lists (64 MB of targets per list).</summary>
    internal const long MaxStoredTargets = 1L << 24;

    private readonly ConflictModel _model;
    private readonly int[]? _moveOffsets;
    private readonly int[]? _moveTargets;
    private readonly int[]? _improvementOffsets;
    private readonly int[]? _improvementTargets;

    /// <summary>Lists the player's moves and improvements; stored only while states × moves ≤ <c>maxStoredTargets</c> (tests pass 0 to check the generated path).</summary>
    public MoveGraph(ConflictModel model, Player player, long maxStoredTargets = MaxStoredTargets)
    {
        _model = model;
        Player = player;
        BufferSize = ConflictModel.MoveBufferSize(player.Mask);
        var n = model.StateCount;
        if ((long)n * (BufferSize - 1) > maxStoredTargets)
        {
            return;
        }

        // Two passes (count, then fill) so each state writes only its own slots: deterministic on any thread count.
        var moveCounts = new int[n];
        var improvementCounts = new int[n];
        Parallel.ForEach(Partitioner.Create(0, n), range =>
        {
            var buffer = new int[BufferSize];
            for (var s = range.Item1; s < range.Item2; s++)
            {
                var count = player.Moves(model, s, buffer);
                moveCounts[s] = count;
                var better = 0;
                for (var k = 0; k < count; k++)
                {
                    better += player.Improves(model, s, buffer[k]) ? 1 : 0;
                }

                improvementCounts[s] = better;
            }
        });

        _moveOffsets = Offsets(moveCounts);
        _improvementOffsets = Offsets(improvementCounts);
        var moveTargets = new int[_moveOffsets[n]];
        var improvementTargets = new int[_improvementOffsets[n]];
        var moveOffsets = _moveOffsets;
        var improvementOffsets = _improvementOffsets;
        Parallel.ForEach(Partitioner.Create(0, n), range =>
        {
            // Player.Moves may use the whole buffer before dropping misperceived targets, so it fills a scratch copy.
            var scratch = new int[BufferSize];
            for (var s = range.Item1; s < range.Item2; s++)
            {
                var m = moveOffsets[s];
                var i = improvementOffsets[s];
                var count = player.Moves(model, s, scratch);
                for (var k = 0; k < count; k++)
                {
                    var t = scratch[k];
                    moveTargets[m++] = t;
                    if (player.Improves(model, s, t))
                    {
                        improvementTargets[i++] = t;
                    }
                }
            }
        });
        _moveTargets = moveTargets;
        _improvementTargets = improvementTargets;
    }

    public Player Player { get; }

    /// <summary>Scratch size that fits every list (used only when the lists are generated).</summary>
    public int BufferSize { get; }

    /// <summary>The player's moves from <paramref name="state"/>; <paramref name="scratch"/> (≥ <see cref="BufferSize"/>) is used only when not stored.</summary>
    public ReadOnlySpan<int> Moves(int state, Span<int> scratch) => Targets(state, improvingOnly: false, scratch);

    /// <summary>The player's improvements from <paramref name="state"/> (moves strictly better for every member).</summary>
    public ReadOnlySpan<int> Improvements(int state, Span<int> scratch) => Targets(state, improvingOnly: true, scratch);

    public ReadOnlySpan<int> Targets(int state, bool improvingOnly, Span<int> scratch)
    {
        var (offsets, targets) = improvingOnly ? (_improvementOffsets, _improvementTargets) : (_moveOffsets, _moveTargets);
        if (offsets is not null && targets is not null)
        {
            return targets.AsSpan(offsets[state], offsets[state + 1] - offsets[state]);
        }

        var count = Player.Moves(_model, state, scratch);
        if (!improvingOnly)
        {
            return scratch[..count];
        }

        var kept = 0;
        for (var k = 0; k < count; k++)
        {
            if (Player.Improves(_model, state, scratch[k]))
            {
                scratch[kept++] = scratch[k];
            }
        }

        return scratch[..kept];
    }

    /// <summary>
    /// The next target from <paramref name="state"/> after <paramref name="cursor"/> (start at 0), or −1 when none is
    /// left: lets a depth-first search walk a state's list lazily without a buffer per frame, stored or generated.
    /// </summary>
    public int Next(int state, bool improvingOnly, ref long cursor)
    {
        var (offsets, targets) = improvingOnly ? (_improvementOffsets, _improvementTargets) : (_moveOffsets, _moveTargets);
        if (offsets is not null && targets is not null)
        {
            var at = offsets[state] + cursor;
            if (at < offsets[state + 1])
            {
                cursor++;
                return targets[at];
            }

            return -1;
        }

        // Generated: cursor is −1 when done, else 1 + the next sub-mask to try (0: the player's full mask), in
        // ConflictModel.Moves' order.
        if (cursor < 0 || (_model.HasMisperceptions && !Player.Sees(_model, state)))
        {
            return -1;
        }

        var mask = Player.Mask;
        var s = _model.Mask(state);
        var own = s & mask;
        var rest = s & ~mask;
        while (cursor >= 0)
        {
            var sub = cursor == 0 ? mask : cursor - 1;
            cursor = sub == 0 ? -1 : ((sub - 1) & mask) + 1;
            if (sub == own)
            {
                continue;
            }

            var changed = sub ^ own;
            if ((changed & own & _model.NoWithdrawMask) != 0 || (changed & ~own & _model.NoTakeMask) != 0)
            {
                continue;
            }

            var t = _model.IndexOf(rest | sub);
            if (t >= 0 && (!_model.HasMisperceptions || Player.Sees(_model, t)) && (!improvingOnly || Player.Improves(_model, state, t)))
            {
                return t;
            }
        }

        return -1;
    }

    private static int[] Offsets(int[] counts)
    {
        var offsets = new int[counts.Length + 1];
        for (var s = 0; s < counts.Length; s++)
        {
            offsets[s + 1] = offsets[s] + counts[s];
        }

        return offsets;
    }
}
