namespace Parley.Negotiation;

/// <summary>
/// The one implementation of <see cref="IUtilityView"/>: a single party's additive utility table over a
/// package space, its reservation value and its compiled red lines. It is built by the engine from that
/// party's preferences only, so handing it to a strategy cannot leak anyone else's.
/// </summary>
internal sealed class PartyView : IUtilityView
{
    /// <summary>Spaces up to this size get a utility lookup table and a full ranking.</summary>
    public const long FullRankLimit = 1 << 21;

    private const int SampleSize = 1 << 17;
    private readonly double[][] _table;
    private readonly CompiledRule[] _rules;
    private readonly int[] _fixed;
    private readonly ulong _sampleSeed;
    private double[]? _utilities;
    private long[]? _ranked;
    private double[]? _rankedUtilities;

    /// <param name="partyId">Whose view.</param>
    /// <param name="space">The packages at the table.</param>
    /// <param name="table">Per issue of <paramref name="space"/>, per option: normalised weight × score.</param>
    /// <param name="reservation">Reservation value on the same scale.</param>
    /// <param name="rules">Own red lines still firm (over scenario issue indices).</param>
    /// <param name="fixedOptions">Per scenario issue, the settled option or -1; the space's issues are filled in per package.</param>
    /// <param name="sampleSeed">Seed for sampling the ranking of very large spaces.</param>
    public PartyView(string partyId, OutcomeSpace space, double[][] table, double reservation, CompiledRule[] rules, int[] fixedOptions, ulong sampleSeed = 0)
    {
        PartyId = partyId;
        Space = space;
        _table = table;
        Reservation = reservation;
        _rules = rules;
        _fixed = fixedOptions;
        _sampleSeed = sampleSeed;
    }

    public string PartyId { get; }

    public OutcomeSpace Space { get; }

    public double Reservation { get; }

    public double MaxUtility => RankedUtilities.Length > 0 ? RankedUtilities[0] : 0;

    public ReadOnlySpan<long> Ranked
    {
        get
        {
            EnsureRanked();
            return _ranked;
        }
    }

    public ReadOnlySpan<double> RankedUtilities
    {
        get
        {
            EnsureRanked();
            return _rankedUtilities;
        }
    }

    public double Utility(long package)
    {
        if (_utilities is { } lookup)
        {
            return lookup[package];
        }

        var counts = Space.Counts;
        var u = 0.0;
        for (var k = counts.Length - 1; k >= 0; k--)
        {
            var n = counts[k];
            u += _table[k][(int)(package % n)];
            package /= n;
        }

        return u;
    }

    public bool KeepsRedLines(long package)
    {
        if (_rules.Length == 0)
        {
            return true;
        }

        Span<int> full = _fixed.Length <= 64 ? stackalloc int[_fixed.Length] : new int[_fixed.Length];
        _fixed.CopyTo(full);
        var issues = Space.IssueIndices;
        for (var k = issues.Length - 1; k >= 0; k--)
        {
            var n = Space.Counts[k];
            full[issues[k]] = (int)(package % n);
            package /= n;
        }

        foreach (var rule in _rules)
        {
            if (rule.Evaluate(full) == Tri.False)
            {
                return false;
            }
        }

        return true;
    }

    public bool IsAcceptable(long package) => Utility(package) >= Reservation && KeepsRedLines(package);

    private void EnsureRanked()
    {
        if (_ranked is not null)
        {
            return;
        }

        long[] candidates;
        if (Space.Size <= FullRankLimit)
        {
            candidates = new long[Space.Size];
            var utilities = new double[Space.Size];
            for (long p = 0; p < Space.Size; p++)
            {
                candidates[p] = p;
                utilities[p] = Utility(p);
            }

            _utilities = utilities;
        }
        else
        {
            var rng = new SplitMix64(_sampleSeed);
            var set = new HashSet<long>();
            while (set.Count < SampleSize)
            {
                set.Add(rng.NextLong(Space.Size));
            }

            candidates = [.. set.Order()];
        }

        var keep = candidates.Where(KeepsRedLines).ToArray();
        if (keep.Length == 0)
        {
            keep = candidates;
        }

        var u = new double[keep.Length];
        var order = new int[keep.Length];
        for (var i = 0; i < keep.Length; i++)
        {
            u[i] = Utility(keep[i]);
            order[i] = i;
        }

        // Best first; equal utilities by code (candidates are in code order), so the order never depends on the sort.
        Array.Sort(order, (a, b) =>
        {
            var c = u[b].CompareTo(u[a]);
            return c != 0 ? c : a.CompareTo(b);
        });
        keep = [.. order.Select(i => keep[i])];
        u = [.. order.Select(i => u[i])];
        _ranked = keep;
        _rankedUtilities = u;
    }
}
