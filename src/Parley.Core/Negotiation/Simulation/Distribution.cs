using System.Globalization;

namespace Parley.Negotiation.Simulation;

/// <summary>
/// A prior over one number. Sampled by inverse CDF from a single uniform draw (normal: Box–Muller), so
/// scaling a prior in a sensitivity run moves each run's value monotonically (common random numbers).
/// </summary>
/// <param name="Kind">Family.</param>
/// <param name="A">Constant value; uniform/log-uniform/triangular minimum; normal mean.</param>
/// <param name="B">Uniform/log-uniform maximum; triangular mode; normal standard deviation.</param>
/// <param name="C">Triangular maximum.</param>
public sealed record Distribution(DistributionKind Kind, double A, double B = 0, double C = 0)
{
    /// <summary>A fixed value.</summary>
    public static Distribution Constant(double value) => new(DistributionKind.Constant, value);

    /// <summary>Smallest possible value (normal: mean − 4 sd).</summary>
    public double Min => Kind switch
    {
        DistributionKind.Constant => A,
        DistributionKind.Normal => A - (4 * B),
        _ => A,
    };

    /// <summary>Mean of the distribution.</summary>
    public double Mean => Kind switch
    {
        DistributionKind.Constant or DistributionKind.Normal => A,
        DistributionKind.Uniform => (A + B) / 2,
        DistributionKind.LogUniform => (B - A) / Math.Log(B / A),
        _ => (A + B + C) / 3,
    };

    /// <summary>Draws one value.</summary>
    internal double Sample(ref SplitMix64 rng) => Kind switch
    {
        DistributionKind.Constant => A,
        DistributionKind.Normal => A + (B * rng.NextNormal()),
        _ => Quantile(rng.NextDouble()),
    };

    /// <summary>Inverse CDF at u ∈ [0, 1) (normal not supported: it uses two draws).</summary>
    internal double Quantile(double u) => Kind switch
    {
        DistributionKind.Constant => A,
        DistributionKind.Uniform => A + (u * (B - A)),
        DistributionKind.LogUniform => A * Math.Pow(B / A, u),
        DistributionKind.Triangular => C <= A ? A
            : u < (B - A) / (C - A) ? A + Math.Sqrt(u * (C - A) * (B - A))
            : C - Math.Sqrt((1 - u) * (C - A) * (C - B)),
        _ => A,
    };

    /// <summary>The same shape with every value multiplied by <paramref name="factor"/>.</summary>
    public Distribution Scale(double factor) => Kind == DistributionKind.Normal
        ? this with { A = A * factor, B = B * Math.Abs(factor) }
        : this with { A = A * factor, B = B * factor, C = C * factor };

    /// <summary>The same shape moved by <paramref name="offset"/>.</summary>
    public Distribution Shift(double offset) => Kind switch
    {
        DistributionKind.Normal => this with { A = A + offset },
        DistributionKind.Triangular => this with { A = A + offset, B = B + offset, C = C + offset },
        DistributionKind.LogUniform => this,
        _ => this with { A = A + offset, B = Kind == DistributionKind.Constant ? B : B + offset },
    };

    /// <summary>Parses <c>3</c>, <c>uniform(a,b)</c>, <c>loguniform(a,b)</c>, <c>triangular(min,mode,max)</c> or <c>normal(mean,sd)</c>.</summary>
    public static bool TryParse(string text, out Distribution distribution) => TryParse(text, out distribution, out _);

    /// <summary>Parses the text form; <paramref name="error"/> says what is wrong with the parameters of a known family.</summary>
    public static bool TryParse(string text, out Distribution distribution, out string error)
    {
        distribution = Constant(0);
        error = "";
        var t = text.Trim().ToLowerInvariant();
        if (double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var constant) && double.IsFinite(constant))
        {
            distribution = Constant(constant);
            return true;
        }

        var open = t.IndexOf('(', StringComparison.Ordinal);
        if (open < 0 || !t.EndsWith(')'))
        {
            return false;
        }

        var args = new List<double>();
        foreach (var part in t[(open + 1)..^1].Split(',', StringSplitOptions.TrimEntries))
        {
            if (!double.TryParse(part, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || !double.IsFinite(v))
            {
                return false;
            }

            args.Add(v);
        }

        return TryCreate(t[..open], args, out distribution, out error);
    }

    /// <summary>Builds a distribution from a family name and its parameters, checking them.</summary>
    public static bool TryCreate(string family, IReadOnlyList<double> args, out Distribution distribution, out string error)
    {
        distribution = Constant(0);
        error = "";
        switch (family)
        {
            case "uniform" when args.Count == 2 && args[0] <= args[1]:
                distribution = new(DistributionKind.Uniform, args[0], args[1]);
                return true;
            case "loguniform" when args.Count == 2 && args[0] > 0 && args[0] <= args[1]:
                distribution = new(DistributionKind.LogUniform, args[0], args[1]);
                return true;
            case "triangular" when args.Count == 3 && args[0] <= args[1] && args[1] <= args[2]:
                distribution = new(DistributionKind.Triangular, args[0], args[1], args[2]);
                return true;
            case "normal" when args.Count == 2 && args[1] >= 0:
                distribution = new(DistributionKind.Normal, args[0], args[1]);
                return true;
            case "uniform":
                error = "uniform needs [min, max] with min ≤ max";
                return false;
            case "loguniform":
                error = "loguniform needs [min, max] with 0 < min ≤ max";
                return false;
            case "triangular":
                error = "triangular needs [min, mode, max] with min ≤ mode ≤ max";
                return false;
            case "normal":
                error = "normal needs [mean, sd] with sd ≥ 0";
                return false;
            default:
                error = $"unknown distribution '{family}'; expected uniform, loguniform, triangular or normal";
                return false;
        }
    }

    /// <inheritdoc />
    public override string ToString() => Kind switch
    {
        DistributionKind.Constant => F(A),
        DistributionKind.Uniform => $"uniform({F(A)},{F(B)})",
        DistributionKind.LogUniform => $"loguniform({F(A)},{F(B)})",
        DistributionKind.Triangular => $"triangular({F(A)},{F(B)},{F(C)})",
        _ => $"normal({F(A)},{F(B)})",
    };

    private static string F(double v) => v.ToString("R", CultureInfo.InvariantCulture);
}
