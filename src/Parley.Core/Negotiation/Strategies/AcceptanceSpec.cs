using System.Globalization;

namespace Parley.Negotiation.Strategies;

/// <summary>An acceptance condition as written: <c>next</c>, <c>next(α,β)</c>, <c>const(c)</c> or <c>combi(T)</c>.</summary>
/// <param name="Kind">Family.</param>
/// <param name="A">α (next), c (const) or T (combi).</param>
/// <param name="B">β (next only).</param>
public sealed record AcceptanceSpec(AcceptanceKind Kind, double A = double.NaN, double B = 0)
{
    /// <summary>AC_next with α = 1, β = 0.</summary>
    public static AcceptanceSpec Default { get; } = new(AcceptanceKind.Next, 1, 0);

    internal AcceptanceCondition ToCondition() => Kind switch
    {
        AcceptanceKind.Next => new AcceptanceCondition(Kind, Alpha: double.IsNaN(A) ? 1 : A, Beta: B),
        AcceptanceKind.Const => new AcceptanceCondition(Kind, Constant: A),
        _ => new AcceptanceCondition(Kind, Time: double.IsNaN(A) ? 0.98 : A),
    };

    /// <summary>Parses the text form.</summary>
    public static bool TryParse(string text, out AcceptanceSpec spec)
    {
        spec = Default;
        var t = text.Trim().ToLowerInvariant();
        var open = t.IndexOf('(', StringComparison.Ordinal);
        var name = open < 0 ? t : t[..open];
        double[] args = [];
        if (open >= 0)
        {
            if (!t.EndsWith(')'))
            {
                return false;
            }

            var parts = t[(open + 1)..^1].Split(',', StringSplitOptions.TrimEntries);
            args = new double[parts.Length];
            for (var i = 0; i < parts.Length; i++)
            {
                if (!double.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out args[i]))
                {
                    return false;
                }
            }
        }

        switch (name)
        {
            case "next" when args.Length is 0 or 2:
                spec = args.Length == 0 ? Default : new AcceptanceSpec(AcceptanceKind.Next, args[0], args[1]);
                return true;
            case "const" when args.Length == 1:
                spec = new AcceptanceSpec(AcceptanceKind.Const, args[0]);
                return true;
            case "combi" when args.Length <= 1:
                spec = new AcceptanceSpec(AcceptanceKind.Combi, args.Length == 1 ? args[0] : 0.98);
                return true;
            default:
                return false;
        }
    }

    /// <inheritdoc />
    public override string ToString() => ToCondition().ToString();
}
