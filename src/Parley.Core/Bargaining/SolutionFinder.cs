using Parley.Model;

namespace Parley.Bargaining;

/// <summary>
/// Picks the four bargaining solutions among the zone's frontier points. Each maximiser over the whole zone can be
/// taken on the frontier: a point dominating a maximiser is at least as good on every criterion and wins the
/// tie-breaks. Ties (criterion values within tolerance) are broken, in order, by leximin of the gains (normalised
/// gains for KS), then by the larger Σu, then by the lowest package index.
/// </summary>
internal static class SolutionFinder
{
    /// <summary>Tolerance on Σ log gains and on normalised gains (dimensionless criteria).</summary>
    private const double RelativeCriterionTolerance = 1e-9;

    public static double[] Ideals(IReadOnlyList<Outcome> zoneFrontier, int parties)
    {
        var ideals = new double[parties];
        for (var p = 0; p < parties; p++)
        {
            ideals[p] = zoneFrontier.Max(o => o.Utilities[p]);
        }

        return ideals;
    }

    public static Solution? Find(SolutionKind kind, UtilityTable table, IReadOnlyList<Outcome> zoneFrontier)
    {
        if (zoneFrontier.Count == 0)
        {
            return null;
        }

        var n = table.Parties.Count;
        var tol = table.Tolerance;
        var r = table.Parties.Select(p => p.Reservation).ToArray();
        var ideals = Ideals(zoneFrontier, n);

        double[] Gains(Outcome o) => [.. Enumerable.Range(0, n).Select(p => Math.Max(0, o.Utilities[p] - r[p]))];
        double[] Normalised(Outcome o) => [.. Enumerable.Range(0, n).Select(p =>
            ideals[p] - r[p] <= tol ? 1.0 : Math.Max(0, o.Utilities[p] - r[p]) / (ideals[p] - r[p]))];

        Func<Outcome, double> criterion = kind switch
        {
            SolutionKind.Nash => o => Gains(o).Sum(g => g <= tol ? double.NegativeInfinity : Math.Log(g)),
            SolutionKind.KalaiSmorodinsky => o => Normalised(o).Min(),
            SolutionKind.Egalitarian => o => Gains(o).Min(),
            _ => o => o.Utilities.Sum(),
        };
        var criterionTolerance = kind switch
        {
            SolutionKind.Nash or SolutionKind.KalaiSmorodinsky => RelativeCriterionTolerance,
            SolutionKind.Egalitarian => tol,
            _ => tol * n,
        };
        Func<Outcome, double[]> leximin = kind == SolutionKind.KalaiSmorodinsky ? Normalised : Gains;
        var leximinQuantum = kind == SolutionKind.KalaiSmorodinsky ? RelativeCriterionTolerance : tol;

        var values = zoneFrontier.Select(criterion).ToArray();
        var best = values.Max();
        Outcome? chosen = null;
        for (var i = 0; i < zoneFrontier.Count; i++)
        {
            if (values[i] >= best - criterionTolerance || double.IsNegativeInfinity(best))
            {
                var o = zoneFrontier[i];
                if (chosen is null || Better(o, chosen, leximin, leximinQuantum, tol))
                {
                    chosen = o;
                }
            }
        }

        return Describe(kind, table, chosen!, ideals);
    }

    /// <summary>The largest smallest gain, ties by the Nash product (Σ log gains), then by the lowest package index.</summary>
    public static Solution? MaxMinGain(UtilityTable table, IReadOnlyList<Outcome> zoneFrontier)
    {
        if (zoneFrontier.Count == 0)
        {
            return null;
        }

        var n = table.Parties.Count;
        var tol = table.Tolerance;
        double MinGain(Outcome o) => Enumerable.Range(0, n).Min(p => o.Utilities[p] - table.Parties[p].Reservation);
        double NashProduct(Outcome o) => Enumerable.Range(0, n).Sum(p =>
            o.Utilities[p] - table.Parties[p].Reservation is var g && g <= tol ? double.NegativeInfinity : Math.Log(g));
        Outcome? chosen = null;
        foreach (var o in zoneFrontier)
        {
            if (chosen is null)
            {
                chosen = o;
                continue;
            }

            var (a, b) = (ParetoFilter.Key(MinGain(o), tol), ParetoFilter.Key(MinGain(chosen), tol));
            if (a != b)
            {
                chosen = a > b ? o : chosen;
                continue;
            }

            var (na, nb) = (NashProduct(o), NashProduct(chosen));
            if (Math.Abs(na - nb) > RelativeCriterionTolerance && !(double.IsNegativeInfinity(na) && double.IsNegativeInfinity(nb)))
            {
                chosen = na > nb ? o : chosen;
            }
            else if (ParetoFilter.ComparePackages(o.Package.AsSpan(), chosen.Package.AsSpan()) < 0)
            {
                chosen = o;
            }
        }

        return Describe(SolutionKind.Egalitarian, table, chosen!, Ideals(zoneFrontier, n));
    }

    public static Solution Describe(SolutionKind kind, UtilityTable table, Outcome o, double[] ideals) =>
        new(kind, o, table.Space.Describe(o.Package.AsSpan()), table.Parties.Select((p, i) =>
            new PartyOutcome(p.Id, o.Utilities[i], o.Utilities[i] - p.Reservation, ideals[i] - o.Utilities[i])).ToValueList());

    private static bool Better(Outcome a, Outcome b, Func<Outcome, double[]> leximin, double leximinQuantum, double tol)
    {
        var la = leximin(a).Select(v => ParetoFilter.Key(v, leximinQuantum)).Order().ToArray();
        var lb = leximin(b).Select(v => ParetoFilter.Key(v, leximinQuantum)).Order().ToArray();
        var c = la.AsSpan().SequenceCompareTo(lb);
        if (c != 0)
        {
            return c > 0;
        }

        var sa = ParetoFilter.Key(a.Utilities.Sum(), tol);
        var sb = ParetoFilter.Key(b.Utilities.Sum(), tol);
        if (sa != sb)
        {
            return sa > sb;
        }

        return ParetoFilter.ComparePackages(a.Package.AsSpan(), b.Package.AsSpan()) < 0;
    }
}
