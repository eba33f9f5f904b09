using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Parley.Bargaining;

/// <summary>
/// One chunk's running Pareto set for <see cref="StreamingFrontier"/>. Candidates arrive in increasing package index,
/// so a candidate that some kept point matches or beats in every utility can be dropped at once: the kept point
/// dominates it, or equals it and wins the lowest-index tie. Comparing raw utilities is enough for that, because
/// <see cref="ParetoFilter.Key"/> is monotone (u ≥ v implies Key(u) ≥ Key(v)). Survivors are buffered by index and
/// utilities (no per-package allocation) and pruned exactly (<see cref="ParetoFilter"/>'s result) whenever the buffer
/// fills. For two parties the pruned frontier is a staircase: a grid over the first party's utility gives an O(1)
/// test for most candidates, and a binary search settles the rest exactly; for more parties the kept points are
/// scanned four at a time.
/// </summary>
internal sealed class RunningFrontier
{
    private const int GridSize = 4096;

    // Small at first, so that a chunk's first frontier forms after a few hundred candidates and starts filtering.
    private const int InitialCapacity = 256;

    private readonly int _p;
    private readonly double _quantum;
    private readonly double _lo;
    private readonly double _inv;
    private readonly double[] _grid = new double[GridSize];
    private long[] _index = new long[InitialCapacity];
    private double[] _values;
    private int _frontier;
    private int _count;
    private int _lastHit;

    // More than two parties: the pruned frontier's utilities by Σu descending, the order in which points are tried
    // as dominators (points with a large sum cover most candidates, so most scans stop early).
    private double[] _scan = [];
    private int _scanStride;

    /// <param name="parties">Number of utilities per point.</param>
    /// <param name="quantum">Rounding quantum of the final comparison (the table's tolerance).</param>
    /// <param name="lo">Smallest possible utility of the first party.</param>
    /// <param name="hi">Largest possible utility of the first party.</param>
    public RunningFrontier(int parties, double quantum, double lo, double hi)
    {
        _p = parties;
        _quantum = quantum;
        _values = new double[InitialCapacity * parties];
        _lo = lo;
        _inv = hi > lo && double.IsFinite(hi - lo) ? (GridSize - 1) / (hi - lo) : 0;
        _grid.AsSpan().Fill(double.NegativeInfinity);
    }

    /// <summary>True when a kept point is at least as good as <paramref name="u"/> for every party.</summary>
    public bool Covers(ReadOnlySpan<double> u) => _p == 2 ? CoversTwo(u[0], u[1]) : CoversAny(u);

    /// <summary>
    /// Offers the admissible packages of one block (bit j of <paramref name="admissible"/> = package
    /// <paramref name="baseIndex"/> + j, utility <paramref name="prefix"/>[q] + <paramref name="inner"/>[q][j]).
    /// With <paramref name="wordMax"/> (per party, the largest inner entry of each 64-package word), a word whose best
    /// corner is covered is skipped whole.
    /// </summary>
    public void Offer(long baseIndex, ReadOnlySpan<ulong> admissible, double[] prefix, double[][] inner, double[][]? wordMax)
    {
        if (_p == 2)
        {
            OfferTwo(baseIndex, admissible, prefix[0], prefix[1], inner[0], inner[1], wordMax?[0], wordMax?[1]);
            return;
        }

        Span<double> u = stackalloc double[_p];
        for (var w = 0; w < admissible.Length; w++)
        {
            var bits = admissible[w];
            if (bits != 0 && wordMax is not null)
            {
                for (var q = 0; q < _p; q++)
                {
                    u[q] = prefix[q] + wordMax[q][w];
                }

                if (CoversAny(u))
                {
                    continue;
                }
            }

            while (bits != 0)
            {
                var j = (w << 6) + BitOperations.TrailingZeroCount(bits);
                bits &= bits - 1;
                for (var q = 0; q < _p; q++)
                {
                    u[q] = prefix[q] + inner[q][j];
                }

                if (!CoversAny(u))
                {
                    Append(baseIndex + j, u);
                }
            }
        }
    }

    /// <summary>The chunk's exact frontier: package indices and utilities (P per point), by the first party's utility, descending.</summary>
    public (long[] Index, double[] Values) Finish()
    {
        Prune();
        return (_index[.._frontier], _values[..(_frontier * _p)]);
    }

    /// <summary>
    /// Keeps the undominated points among the first <paramref name="count"/> (lowest index wins ties), compacted to the
    /// front of the arrays in ParetoFilter order; returns how many remain.
    /// </summary>
    public static int Prune(long[] index, double[] values, int count, int parties, double quantum)
    {
        var kept = parties > 2 && Vector256.IsHardwareAccelerated
            ? FilterMany(index, values, count, parties, quantum)
            : ParetoFilter.Filter(values, count, parties, quantum, (a, b) => index[a].CompareTo(index[b]));
        var newIndex = new long[kept.Length];
        var newValues = new double[kept.Length * parties];
        for (var i = 0; i < kept.Length; i++)
        {
            newIndex[i] = index[kept[i]];
            Array.Copy(values, kept[i] * parties, newValues, i * parties, parties);
        }

        newIndex.CopyTo(index, 0);
        newValues.CopyTo(values, 0);
        return kept.Length;
    }

    /// <summary>
    /// <see cref="ParetoFilter.Filter"/> for three or more parties, same result and order, faster: candidates are
    /// taken by descending key sum (a point that dominates or equals another has a sum at least as large, and equal
    /// keys fall back to the lowest index), and each is checked against the kept points four at a time.
    /// </summary>
    private static int[] FilterMany(long[] index, double[] values, int count, int parties, double quantum)
    {
        var keys = new long[count * parties];
        var sums = new long[count];
        for (var i = 0; i < count; i++)
        {
            for (var q = 0; q < parties; q++)
            {
                keys[(i * parties) + q] = ParetoFilter.Key(values[(i * parties) + q], quantum);
                sums[i] += keys[(i * parties) + q];
            }
        }

        var order = new int[count];
        for (var i = 0; i < count; i++)
        {
            order[i] = i;
        }

        Array.Sort(order, (a, b) =>
        {
            var c = sums[b].CompareTo(sums[a]);
            return c != 0 ? c : Lexicographic(keys, a, b, parties) is var d and not 0 ? d : index[a].CompareTo(index[b]);
        });

        // Kept keys, party-major, padded with long.MinValue (never ≥ a key).
        var stride = (count + 3) & ~3;
        var kept = new long[stride * parties];
        kept.AsSpan().Fill(long.MinValue);
        var result = new List<int>();
        Span<Vector256<long>> target = stackalloc Vector256<long>[parties];
        ref var first = ref MemoryMarshal.GetArrayDataReference(kept);
        foreach (var i in order)
        {
            for (var q = 0; q < parties; q++)
            {
                target[q] = Vector256.Create(keys[(i * parties) + q]);
            }

            var covered = false;
            for (var f = 0; f < result.Count && !covered; f += 4)
            {
                var hit = Vector256.GreaterThanOrEqual(Vector256.LoadUnsafe(ref first, (nuint)f), target[0]);
                for (var q = 1; q < parties; q++)
                {
                    hit &= Vector256.GreaterThanOrEqual(Vector256.LoadUnsafe(ref first, (nuint)((q * stride) + f)), target[q]);
                }

                covered = hit != Vector256<long>.Zero;
            }

            if (!covered)
            {
                for (var q = 0; q < parties; q++)
                {
                    kept[(q * stride) + result.Count] = keys[(i * parties) + q];
                }

                result.Add(i);
            }
        }

        // Kept points have distinct keys, so this is ParetoFilter's order (keys lexicographically descending).
        result.Sort((a, b) => Lexicographic(keys, a, b, parties));
        return [.. result];
    }

    // Descending lexicographic order of key rows.
    private static int Lexicographic(long[] keys, int a, int b, int parties)
    {
        for (var q = 0; q < parties; q++)
        {
            var c = keys[(b * parties) + q].CompareTo(keys[(a * parties) + q]);
            if (c != 0)
            {
                return c;
            }
        }

        return 0;
    }

    private void OfferTwo(long baseIndex, ReadOnlySpan<ulong> admissible, double p0, double p1, double[] s0, double[] s1, double[]? max0, double[]? max1)
    {
        var grid = _grid;
        for (var w = 0; w < admissible.Length; w++)
        {
            var bits = admissible[w];
            if (bits != 0 && max0 is not null && CoversTwo(p0 + max0[w], p1 + max1![w]))
            {
                continue;
            }

            while (bits != 0)
            {
                var j = (w << 6) + BitOperations.TrailingZeroCount(bits);
                bits &= bits - 1;
                var u0 = p0 + s0[j];
                var u1 = p1 + s1[j];
                if (u1 <= grid[Bucket(u0)] || CoversTwoExactly(u0, u1))
                {
                    continue;
                }

                if (_count == _index.Length)
                {
                    Prune();
                }

                _index[_count] = baseIndex + j;
                _values[2 * _count] = u0;
                _values[(2 * _count) + 1] = u1;
                _count++;
            }
        }
    }

    private bool CoversTwo(double u0, double u1) => u1 <= _grid[Bucket(u0)] || CoversTwoExactly(u0, u1);

    // The pruned two-party frontier has strictly decreasing first and strictly increasing second utilities, so
    // the points with f0 ≥ u0 are a prefix and the last of them has the largest f1.
    private bool CoversTwoExactly(double u0, double u1)
    {
        int lo = 0, hi = _frontier;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (_values[2 * mid] >= u0)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo > 0 && _values[(2 * lo) - 1] >= u1;
    }

    // Four frontier points per compare: a point covers u when it is ≥ u for every party.
    private bool CoversAny(ReadOnlySpan<double> u)
    {
        var stride = _scanStride;
        var scan = _scan;
        if (_lastHit < _frontier)
        {
            var all = true;
            for (var q = 0; q < _p && all; q++)
            {
                all = scan[(q * stride) + _lastHit] >= u[q];
            }

            if (all)
            {
                return true;
            }
        }

        if (!Vector256.IsHardwareAccelerated)
        {
            for (var f = 0; f < _frontier; f++)
            {
                var all = true;
                for (var q = 0; q < _p && all; q++)
                {
                    all = scan[(q * stride) + f] >= u[q];
                }

                if (all)
                {
                    _lastHit = f;
                    return true;
                }
            }

            return false;
        }

        Span<Vector256<double>> target = stackalloc Vector256<double>[_p];
        for (var q = 0; q < _p; q++)
        {
            target[q] = Vector256.Create(u[q]);
        }

        ref var first = ref MemoryMarshal.GetArrayDataReference(scan);
        for (var f = 0; f < _frontier; f += 4)
        {
            var hit = Vector256.GreaterThanOrEqual(Vector256.LoadUnsafe(ref first, (nuint)f), target[0]);
            for (var q = 1; q < _p; q++)
            {
                hit &= Vector256.GreaterThanOrEqual(Vector256.LoadUnsafe(ref first, (nuint)((q * stride) + f)), target[q]);
            }

            if (hit != Vector256<double>.Zero)
            {
                _lastHit = f + BitOperations.TrailingZeroCount(hit.ExtractMostSignificantBits());
                return true;
            }
        }

        return false;
    }

    private void Append(long index, ReadOnlySpan<double> u)
    {
        if (_count == _index.Length)
        {
            Prune();
        }

        _index[_count] = index;
        u.CopyTo(_values.AsSpan(_count * _p, _p));
        _count++;
    }

    // Monotone in x (subtraction, multiplication by a positive constant and truncation all are), so
    // Bucket(x) < Bucket(f0) implies x < f0: that is what makes the grid test sound.
    private int Bucket(double x)
    {
        var v = (x - _lo) * _inv;
        return v <= 0 ? 0 : v >= GridSize - 1 ? GridSize - 1 : (int)v;
    }

    private void Prune()
    {
        _frontier = _count = Prune(_index, _values, _count, _p, _quantum);
        _lastHit = 0;
        if (_frontier * 2 > _index.Length)
        {
            // Keep at least half the buffer free so that pruning stays amortised.
            Array.Resize(ref _index, _index.Length * 2);
            Array.Resize(ref _values, _index.Length * _p);
        }

        if (_p != 2)
        {
            var order = new int[_frontier];
            var sums = new double[_frontier];
            for (var f = 0; f < _frontier; f++)
            {
                order[f] = f;
                for (var q = 0; q < _p; q++)
                {
                    sums[f] -= _values[(f * _p) + q];
                }
            }

            Array.Sort(sums, order);

            // Party-major, padded to whole vectors with −∞ (never ≥ a utility).
            _scanStride = (_frontier + 3) & ~3;
            _scan = new double[Math.Max(1, _scanStride * _p)];
            _scan.AsSpan().Fill(double.NegativeInfinity);
            for (var f = 0; f < _frontier; f++)
            {
                for (var q = 0; q < _p; q++)
                {
                    _scan[(q * _scanStride) + f] = _values[(order[f] * _p) + q];
                }
            }
        }
        else
        {
            // grid[b] = largest f1 over points whose f0 lies in a higher bucket than b (a candidate in bucket b has u0 < f0).
            var grid = _grid.AsSpan();
            grid.Fill(double.NegativeInfinity);
            for (var f = 0; f < _frontier; f++)
            {
                var c = Bucket(_values[2 * f]);
                if (c > 0)
                {
                    grid[c - 1] = Math.Max(grid[c - 1], _values[(2 * f) + 1]);
                }
            }

            for (var b = GridSize - 2; b >= 0; b--)
            {
                grid[b] = Math.Max(grid[b], grid[b + 1]);
            }
        }
    }
}
