using System.Globalization;
using System.Text.RegularExpressions;

namespace Parley.Tests.Forecast;

/// <summary>
/// The parts of a KTAB <c>smpc</c> run log (or our summary of one) that parity tests compare: the position history
/// per actor and dimension (printed with 1 decimal), the win-probability history (4 decimals) and the last stop-test ratio.
/// </summary>
internal sealed partial record KtabSummary(
    IReadOnlyList<(string Actor, string Dimension, double[] Values)> Positions,
    IReadOnlyList<(string Actor, double[] Values)> Probabilities,
    double LastFractionalChange,
    int States)
{
    public static KtabSummary Parse(string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var positions = new List<(string, string, double[])>();
        var probabilities = new List<(string, double[])>();
        var fractional = double.NaN;
        var states = 0;
        var section = 0;
        foreach (var raw in lines)
        {
            var line = raw.TrimEnd();
            if (line.StartsWith("Fractional change compared to first step:", StringComparison.Ordinal))
            {
                fractional = double.Parse(line.Split(':')[1].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
            }
            else if (StatesLine().Match(line) is { Success: true } m)
            {
                states = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            }
            else if (line.StartsWith("History of actor positions over time", StringComparison.Ordinal))
            {
                section = 1;
            }
            else if (line.StartsWith("History of actors' winning probabilities", StringComparison.Ordinal))
            {
                section = 2;
            }
            else if (section > 0 && HistoryLine().Match(line) is { Success: true } h)
            {
                var values = h.Groups[3].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries)
                    .Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
                if (section == 1)
                {
                    positions.Add((h.Groups[1].Value.Trim(), h.Groups[2].Value.Trim(), values));
                }
                else
                {
                    probabilities.Add((h.Groups[1].Value.Trim(), values));
                }
            }
            else if (section > 0 && line.Length > 0)
            {
                section = 0;
            }
        }

        return new KtabSummary(positions, probabilities, fractional, states);
    }

    [GeneratedRegex(@"^There were (\d+) states")]
    private static partial Regex StatesLine();

    [GeneratedRegex(@"^(.+?),\s*([^,:]+?)\s*:\s+((?:-?[0-9.]+\s*)+)$")]
    private static partial Regex HistoryLine();
}
