using System.Globalization;

namespace Parley.Cli.Infrastructure;

/// <summary>The one way the CLI reads a date option: <c>YYYY-MM-DD</c>, a real calendar date, or a usage error naming the option.</summary>
internal static class CliDates
{
    public static DateOnly Parse(string text, string option) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new UsageException($"{option}: '{text}' is not a date like 2025-09-01");
}
