using System.Globalization;
using Parley.Forecast;

namespace Parley.Tests.Forecast;

/// <summary>
/// Parity with KTAB <c>smpc</c>: every printed value of the position history (1 decimal), every win probability
/// (4 decimals), the number of states and the final stop-test ratio must match KTAB's own output exactly, formatted
/// as KTAB formats it (printf %.1f / %.4f of the exact double).
/// </summary>
public sealed class KtabParityTests
{
    [Theory]
    [InlineData("dummyData_3Dim.csv", "dummyData_3Dim.summary.txt")]
    [InlineData("SOE-Pol-Comp.csv", "SOE-Pol-Comp.summary.txt")]
    [InlineData("SOE-Policy.csv", "SOE-Policy.summary.txt")]
    [InlineData("SOE-Competitive.csv", "SOE-Competitive.summary.txt")]
    [InlineData("dummyData_6Dim.csv", "dummyData_6Dim.summary.txt")]
    [InlineData("dummyData-a040.csv", "dummyData-a040.summary.txt")]
    [InlineData("dummyData-a080.csv", "dummyData-a080.summary.txt")]
    [InlineData("ukr2025_smp_illustrative.csv", "ukr2025_illustrative_5actors.summary.txt")]
    [InlineData("ukr2025_smp_illustrative_noNATO.csv", "ukr2025_illustrative_4actors_noNATO.summary.txt")]
    public void Reproduces_ktab_run_summary(string csv, string summary)
    {
        var input = ForecastData.Csv(csv);
        var expected = ForecastData.Summary(summary);
        var result = SmpModel.Run(input);

        var mismatches = Compare(input, result, expected);
        Assert.True(mismatches.Count == 0, $"{mismatches.Count} mismatches, first: " + string.Join("; ", mismatches.Take(5)));
    }

    internal static List<string> Compare(ForecastInput input, ForecastResult result, KtabSummary expected)
    {
        var mismatches = new List<string>();
        if (result.Turns != expected.States)
        {
            mismatches.Add($"states: ours {result.Turns}, KTAB {expected.States}");
        }

        if (F(result.FractionalChanges[^1], 4) != F(expected.LastFractionalChange, 4))
        {
            mismatches.Add($"last fractional change: ours {F(result.FractionalChanges[^1], 4)}, KTAB {F(expected.LastFractionalChange, 4)}");
        }

        var nd = input.Dimensions.Count;
        Assert.Equal(input.Actors.Count * nd, expected.Positions.Count);
        for (var a = 0; a < input.Actors.Count; a++)
        {
            for (var d = 0; d < nd; d++)
            {
                var (actor, _, values) = expected.Positions[(a * nd) + d];
                Assert.Equal(input.Actors[a].Name, actor);
                for (var t = 0; t < Math.Min(values.Length, result.Turns); t++)
                {
                    if (F(result.Positions[t][a][d], 1) != F(values[t], 1))
                    {
                        mismatches.Add($"{actor} dim {d} turn {t}: ours {F(result.Positions[t][a][d], 1)}, KTAB {F(values[t], 1)}");
                    }
                }
            }

            var probs = expected.Probabilities[a].Values;
            for (var t = 0; t < Math.Min(probs.Length, result.Turns); t++)
            {
                if (F(result.Probabilities[t][a], 4) != F(probs[t], 4))
                {
                    mismatches.Add($"{input.Actors[a].Name} prob turn {t}: ours {F(result.Probabilities[t][a], 4)}, KTAB {F(probs[t], 4)}");
                }
            }
        }

        return mismatches;
    }

    /// <summary>Formats like C's printf("%.Nf"): rounding of the exact binary value (which .NET's "F" specifier does).</summary>
    internal static string F(double x, int decimals) => x.ToString("F" + decimals, CultureInfo.InvariantCulture);
}
