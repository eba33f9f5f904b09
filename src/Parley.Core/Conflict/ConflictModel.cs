using System.Numerics;
using System.Text;

namespace Parley.Conflict;

/// <summary>
/// A graph model ready for stability analysis: feasible states as bit masks (option k = bit k, sorted
/// ascending, so a state's index + 1 is gmcr-py's "ordered" number), each decision maker's payoff per
/// state, and what each decision maker cannot see. Moves are never stored: they are generated from a
/// mover's own option bits, so memory stays linear in states × decision makers.
/// Immutable and thread-safe.
/// </summary>
internal sealed class ConflictModel
{
    /// <summary>Up to this many options a dense mask → index table is kept (4 bytes × 2^n).</summary>
    private const int DenseIndexMaxOptions = 24;

    private readonly long[] _states;
    private readonly int[]? _dense;
    private readonly long[][] _payoffs;
    private readonly bool[]?[] _invisible;

    public ConflictModel(
        IReadOnlyList<ModelOption> options,
        IReadOnlyList<ModelDecisionMaker> decisionMakers,
        long[] sortedFeasibleStates,
        long[][] payoffs,
        bool[]?[] invisible,
        int? statusQuo = null)
    {
        Options = options;
        DecisionMakers = decisionMakers;
        _states = sortedFeasibleStates;
        _payoffs = payoffs;
        _invisible = invisible;
        StatusQuo = statusQuo;
        foreach (var (o, k) in options.Select((o, k) => (o, k)))
        {
            if (o.Direction == Model.OptionDirection.Forward)
            {
                NoWithdrawMask |= 1L << k;
            }
            else if (o.Direction == Model.OptionDirection.Backward)
            {
                NoTakeMask |= 1L << k;
            }
        }

        if (options.Count <= DenseIndexMaxOptions)
        {
            _dense = new int[1 << options.Count];
            Array.Fill(_dense, -1);
            for (var i = 0; i < _states.Length; i++)
            {
                _dense[_states[i]] = i;
            }
        }
    }

    public IReadOnlyList<ModelOption> Options { get; }

    public IReadOnlyList<ModelDecisionMaker> DecisionMakers { get; }

    /// <summary>Number of feasible states.</summary>
    public int StateCount => _states.Length;

    /// <summary>Index of the status-quo state, when the input declared one and it is feasible.</summary>
    public int? StatusQuo { get; }

    /// <summary>Options that cannot be withdrawn once taken (Y→N forbidden).</summary>
    public long NoWithdrawMask { get; }

    /// <summary>Options that cannot be taken (N→Y forbidden): only withdrawable.</summary>
    public long NoTakeMask { get; }

    /// <summary>The state's bit mask (its decimal code).</summary>
    public long Mask(int state) => _states[state];

    /// <summary>gmcr-py's ordered number: 1-based rank of the decimal code among feasible states.</summary>
    public static int OrderedId(int state) => state + 1;

    /// <summary>Index of a mask among feasible states, or −1 when infeasible.</summary>
    public int IndexOf(long mask)
    {
        if (_dense is not null)
        {
            return (ulong)mask < (ulong)_dense.Length ? _dense[mask] : -1;
        }

        var i = Array.BinarySearch(_states, mask);
        return i >= 0 ? i : -1;
    }

    /// <summary>Y/N per option in model order.</summary>
    public string Code(int state)
    {
        var mask = _states[state];
        var sb = new StringBuilder(Options.Count);
        for (var k = 0; k < Options.Count; k++)
        {
            sb.Append(((mask >> k) & 1) == 1 ? 'Y' : 'N');
        }

        return sb.ToString();
    }

    /// <summary>Parses a state given as an ordered id ("7") or a Y/N code ("NYNNY"); −1 when it names no feasible state.</summary>
    public int ParseState(string text)
    {
        text = text.Trim();
        if (int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id))
        {
            return id >= 1 && id <= StateCount ? id - 1 : -1;
        }

        if (text.Length != Options.Count || text.Any(c => char.ToUpperInvariant(c) is not ('Y' or 'N')))
        {
            return -1;
        }

        long mask = 0;
        for (var k = 0; k < text.Length; k++)
        {
            if (char.ToUpperInvariant(text[k]) == 'Y')
            {
                mask |= 1L << k;
            }
        }

        return IndexOf(mask);
    }

    public long Payoff(int dm, int state) => _payoffs[dm][state];

    internal long[] Payoffs(int dm) => _payoffs[dm];

    /// <summary>False when <paramref name="dm"/> misperceives the state (does not know it can occur).</summary>
    public bool Sees(int dm, int state) => _invisible[dm] is not { } hidden || !hidden[state];

    /// <summary>True when any decision maker has misperceptions.</summary>
    public bool HasMisperceptions => _invisible.Any(h => h is not null);

    /// <summary>A copy of this model with one decision maker's payoffs replaced (inverse GMCR).</summary>
    public ConflictModel WithPayoffs(int dm, long[] payoffs)
    {
        var copy = (long[][])_payoffs.Clone();
        copy[dm] = payoffs;
        return new ConflictModel(Options, DecisionMakers, _states, copy, _invisible, StatusQuo);
    }

    /// <summary>
    /// Writes the states reachable from <paramref name="state"/> in one move by a mover controlling
    /// <paramref name="moverMask"/> (any change of its own options to another feasible combination,
    /// respecting irreversible options). Returns how many were written; <paramref name="buffer"/>
    /// needs 2^popcount(mask) − 1 slots. Targets come in a fixed order, so results are deterministic.
    /// </summary>
    public int Moves(long moverMask, int state, Span<int> buffer)
    {
        var s = _states[state];
        var own = s & moverMask;
        var rest = s & ~moverMask;
        var count = 0;
        var sub = moverMask;
        while (true)
        {
            if (sub != own)
            {
                var changed = sub ^ own;
                if ((changed & own & NoWithdrawMask) == 0 && (changed & ~own & NoTakeMask) == 0)
                {
                    var target = IndexOf(rest | sub);
                    if (target >= 0)
                    {
                        buffer[count++] = target;
                    }
                }
            }

            if (sub == 0)
            {
                break;
            }

            sub = (sub - 1) & moverMask;
        }

        return count;
    }

    /// <summary>Buffer size that fits every move of a mover controlling <paramref name="moverMask"/>.</summary>
    public static int MoveBufferSize(long moverMask) => 1 << BitOperations.PopCount((ulong)moverMask);
}
