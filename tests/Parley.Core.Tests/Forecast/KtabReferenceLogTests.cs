using System.Globalization;
using Parley.Forecast;

namespace Parley.Tests.Forecast;

/// <summary>
/// Parity with KTAB's own 2017 reference logs (shared/data/forecast/ktab/ref-outputs): the position and probability
/// history, and — deeper — the risk attitudes KTAB infers in every state (printed %+.3f).
/// </summary>
public sealed class KtabReferenceLogTests
{
    private static string RefLog(string name) => Path.Combine(TestPaths.SharedData!, "forecast", "ktab", "ref-outputs", name);

    [SharedDataTheory]
    [InlineData("dummyData_3Dim.csv", "20170530_ref-dummyData_3Dim.txt")]
    [InlineData("SOE-Pol-Comp.csv", "20170530_ref-SOE-Pol-Comp.txt")]
    public void Reproduces_reference_log_history_and_risk_attitudes(string csv, string log)
    {
        var input = ForecastData.Csv(csv);
        var text = File.ReadAllText(RefLog(log));
        var result = SmpModel.Run(input);

        Assert.Empty(KtabParityTests.Compare(input, result, KtabSummary.Parse(text)));

        var risks = RiskBlocks(text, input.Actors.Count);
        Assert.Equal(result.Turns, risks.Count);
        for (var t = 0; t < result.Turns; t++)
        {
            var ours = SmpModel.RiskAttitudes(input, new SmpOptions(), result.Positions[t]);
            Assert.Equal(risks[t], ours.Select(r => r.ToString("+0.000;-0.000", CultureInfo.InvariantCulture)).ToArray());
        }
    }

    /// <summary>
    /// Known difference, not reproduced: KTAB's third reference log runs smpExample.xml, which uses (a) Stochastic
    /// transitions drawn from KTAB's own PRNG stream and (b) a non-identity IdealAdjustment (accommodation) matrix, and
    /// which KTAB's 2019 code itself no longer reads. Parley draws stochastic transitions from its own documented
    /// SplitMix64 stream and keeps ideals equal to positions, so this history cannot match. This test pins the reason:
    /// it fails if the log turns out not to use those features.
    /// </summary>
    [SharedDataFact]
    public void SmpExample_log_uses_features_outside_parity()
    {
        var text = File.ReadAllText(RefLog("20170530_ref-smpExample.txt"));

        Assert.Contains("StateTransitions: Stochastic", text, StringComparison.Ordinal);
        Assert.Contains("Reading IdealAdjustment matrix", text, StringComparison.Ordinal);
        Assert.Contains("Start SMPModel::readXML", text, StringComparison.Ordinal);
    }

    private static List<string[]> RiskBlocks(string text, int actors)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var blocks = new List<string[]>();
        for (var n = 0; n < lines.Length; n++)
        {
            if (lines[n].StartsWith("Inferred risk attitudes", StringComparison.Ordinal))
            {
                blocks.Add(lines.Skip(n + 1).Take(actors).Select(l => l.Trim()).ToArray());
            }
        }

        return blocks;
    }
}
