using System.Collections;

namespace Parley.Core.Tests.Scenarios;

/// <summary>Names the first place two model values differ (for readable property-test failures).</summary>
internal static class ModelDiff
{
    public static string? First(object? a, object? b, string path = "scenario", int depth = 0)
    {
        if (Equals(a, b))
        {
            return null;
        }

        if (a is null || b is null || a.GetType() != b.GetType() || depth > 40 || a is string || a.GetType().IsPrimitive || a is Enum)
        {
            return $"{path}: {Show(a)} ≠ {Show(b)}";
        }

        if (a is IEnumerable ea && b is IEnumerable eb)
        {
            var la = ea.Cast<object?>().ToList();
            var lb = eb.Cast<object?>().ToList();
            for (var i = 0; i < Math.Min(la.Count, lb.Count); i++)
            {
                if (First(la[i], lb[i], $"{path}[{i}]", depth + 1) is { } inner)
                {
                    return inner;
                }
            }

            return $"{path}: {la.Count} items ≠ {lb.Count} items";
        }

        foreach (var property in a.GetType().GetProperties().Where(p => p.GetIndexParameters().Length == 0 && p.Name != "EqualityContract"))
        {
            if (First(property.GetValue(a), property.GetValue(b), $"{path}.{property.Name}", depth + 1) is { } inner)
            {
                return inner;
            }
        }

        return $"{path}: {Show(a)} ≠ {Show(b)}";
    }

    private static string Show(object? x) => x switch
    {
        null => "null",
        string s => "\"" + s.Replace("\n", "\\n", StringComparison.Ordinal).Replace("\t", "\\t", StringComparison.Ordinal) + "\"",
        double d => d.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
        _ => x.ToString() ?? "",
    };
}
