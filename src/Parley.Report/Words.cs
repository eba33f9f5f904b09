using System.Globalization;

namespace Parley.Report;

/// <summary>Small text helpers shared by the sections, so numbers and dates read the same everywhere.</summary>
internal static class Words
{
    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Count(double n) => n.ToString("N0", CultureInfo.InvariantCulture);

    public static string Lower<T>(T value)
        where T : struct, Enum => value.ToString().ToLowerInvariant();

    public static string Truncate(string text, int max) => text.Length <= max ? text : string.Concat(text.AsSpan(0, Math.Max(1, max - 1)), "…");

    public static string List(IEnumerable<string> items, string empty = "—")
    {
        var joined = string.Join(", ", items);
        return joined.Length == 0 ? empty : joined;
    }

    /// <summary>"1 stage", "2 stages".</summary>
    public static string Plural(int n, string one, string? many = null) => n == 1 ? $"1 {one}" : $"{n.ToString(CultureInfo.InvariantCulture)} {many ?? one + "s"}";
}
