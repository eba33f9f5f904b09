namespace Parley.Report.Diff;

/// <summary>A finding's value in one version: words, plus the numbers or set members a move is measured on.</summary>
internal sealed record FindingValue(string Lens, string Name, string Words, IReadOnlyList<double>? Numbers = null, IReadOnlyList<string>? Items = null, Interval? Interval = null)
{
    /// <summary>How far apart two values are: 0 when their words agree; else set members gained plus lost, plus the absolute
    /// differences of the numbers (a value appearing or vanishing counts 1,000,000); a tiny positive amount when only the words differ.</summary>
    public static double Distance(FindingValue? x, FindingValue? y)
    {
        if (x?.Words == y?.Words)
        {
            return 0;
        }

        var d = 0.0;
        var (ix, iy) = (x?.Items ?? [], y?.Items ?? []);
        d += ix.Except(iy, StringComparer.Ordinal).Count() + iy.Except(ix, StringComparer.Ordinal).Count();
        var (nx, ny) = (x?.Numbers, y?.Numbers);
        if ((nx is null) != (ny is null) || (nx is not null && nx.Count != ny!.Count))
        {
            d += 1e6;
        }
        else if (nx is not null)
        {
            d += nx.Zip(ny!, (p, q) => Math.Abs(p - q)).Sum();
        }

        return d > 0 ? d : 1e-9;
    }
}
