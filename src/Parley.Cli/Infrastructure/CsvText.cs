using System.Globalization;
using CsvHelper;

namespace Parley.Cli.Infrastructure;

/// <summary>Every CSV the CLI writes (frontiers, tournament summaries), through CsvHelper: RFC 4180 quoting (commas, quotes, line breaks), invariant numbers, <c>\n</c> line ends.</summary>
internal static class CsvText
{
    private static readonly CsvWriterOptions Options = new() { NewLine = "\n", FormatProvider = CultureInfo.InvariantCulture };

    /// <summary>A header row and data rows; numbers come as invariant text (<see cref="Number"/>).</summary>
    public static string Write(IEnumerable<string> header, IEnumerable<IEnumerable<string>> rows)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = CsvWriter.Create(text, Options, leaveOpen: true))
        {
            foreach (var row in rows.Prepend(header))
            {
                csv.WriteRecord([.. row]);
            }
        }

        return text.ToString();
    }

    /// <summary>A number as CSV text: round-trip invariant, empty for none.</summary>
    public static string Number(double? value) => value is { } v ? v.ToString("R", CultureInfo.InvariantCulture) : "";
}
