using System.Globalization;
using System.Text.RegularExpressions;
using Parley.Forecast;
using Parley.Model;

namespace Parley.Tests.Forecast;

/// <summary>
/// Parity with KTAB's own 2017 reference logs (shared/data/forecast/ktab/ref-outputs): the position and probability
/// history, and — deeper — the risk attitudes KTAB infers in every state (printed %+.3f).
/// </summary>
public sealed partial class KtabReferenceLogTests
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
    /// Known difference, not reproduced: KTAB's third reference log runs smpExample.xml with (a) Stochastic transitions
    /// drawn from KTAB's PRNG, (b) a non-identity IdealAdjustment (accommodation) matrix, from XML that KTAB's 2019 code
    /// itself rejects; and (c) in that 2017 build actors were processed by a thread pool, so the order of each actor's
    /// bargain list (which the stochastic draw indexes into) followed thread scheduling — the log shows a different
    /// actor order every turn. Parley draws from its own documented SplitMix64 stream and keeps ideals equal to
    /// positions, so this history cannot match. The test pins these reasons: it fails if the log does not show them.
    /// </summary>
    [SharedDataFact]
    public void SmpExample_log_uses_features_outside_parity()
    {
        var text = File.ReadAllText(RefLog("20170530_ref-smpExample.txt"));

        Assert.Contains("StateTransitions: Stochastic", text, StringComparison.Ordinal);
        Assert.Contains("Reading IdealAdjustment matrix", text, StringComparison.Ordinal);
        Assert.Contains("Start SMPModel::readXML", text, StringComparison.Ordinal);
        var order = Regex.Matches(text, @"In turn (\d+) actor (\d+) has").GroupBy(m => m.Groups[1].Value)
            .Select(g => string.Join(",", g.Select(m => m.Groups[2].Value))).Take(2).ToList();
        Assert.NotEqual(order[0], order[1]); // actor order differs between turns 0 and 1
    }

    [SharedDataTheory]
    [InlineData("dummyData_3Dim.csv", "20170530_ref-dummyData_3Dim.txt")]
    [InlineData("SOE-Pol-Comp.csv", "20170530_ref-SOE-Pol-Comp.txt")]
    public void First_turn_targets_probabilities_and_gains_match_the_log(string csv, string log)
    {
        var input = ForecastData.Csv(csv);
        AssertFirstTurnTargets(File.ReadAllText(RefLog(log)), SmpModel.InitialTargets(input, new SmpOptions()));
    }

    /// <summary>
    /// smpExample's first state is reproducible even though its history is not (see above): it exercises the
    /// non-default PropCbc voting rule and MarkovIncentive PCE. Inputs: positions and saliences as the log echoes
    /// them, capabilities from smpExample.xml.
    /// </summary>
    [SharedDataFact]
    public void SmpExample_first_state_matches_with_PropCbc_and_MarkovIncentive()
    {
        var text = File.ReadAllText(RefLog("20170530_ref-smpExample.txt"));
        static ForecastActor A(string name, double c, double[] p, double[] s) => new(name, "", c, p.ToValueList(), s.ToValueList());
        var input = new ForecastInput("smpExample", "", new[] { "FirstDim", "SecondDim", "YADN" }.ToValueList(), new[]
        {
            A("Alice", 117.7, [52.8, 39.8, 39.6], [32.3, 22.4, 13.4]),
            A("Bob", 93.2, [15.9, 61.4, 72.0], [25.2, 34.5, 26.5]),
            A("Carol", 61.4, [61.1, 86.5, 44.5], [28.8, 28.6, 18.2]),
            A("David", 135.4, [26.3, 16.5, 15.9], [15.6, 42.0, 14.3]),
            A("Ellie", 63.8, [73.3, 61.1, 26.3], [39.7, 19.9, 15.8]),
        }.ToValueList());
        var options = new SmpOptions { VotingRule = VotingRule.PropCbc, PceModel = PceModel.MarkovIncentive, StateTransitions = StateTransitions.Stochastic };

        var risks = SmpModel.RiskAttitudes(input, options, input.Actors.Select(a => a.Positions.ToArray()).ToArray());
        Assert.Equal(RiskBlocks(text, 5)[0], risks.Select(r => r.ToString("+0.000;-0.000", CultureInfo.InvariantCulture)).ToArray());
        AssertFirstTurnTargets(text, SmpModel.InitialTargets(input, options));
        var probabilities = SmpModel.Run(input, options with { MaxTurns = 1 }).Probabilities[0];
        var expected = KtabSummary.Parse(text).Probabilities.Select(p => KtabParityTests.F(p.Values[0], 4));
        Assert.Equal(expected, probabilities.Select(p => KtabParityTests.F(p, 4)));
    }

    private static void AssertFirstTurnTargets(string log, (int Target, double Prob, double Gain)[] ours)
    {
        var expected = TargetLine().Matches(log).Where(m => m.Groups[1].Value == "0").ToList();
        Assert.NotEmpty(expected);
        foreach (Match m in expected)
        {
            var i = int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
            Assert.Equal(int.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture), ours[i].Target);
            Assert.Equal(m.Groups[4].Value, KtabParityTests.F(ours[i].Gain, 3));
            Assert.Equal(m.Groups[5].Value, KtabParityTests.F(ours[i].Prob, 4));
        }

        var withTargets = expected.Select(m => int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture)).ToHashSet();
        Assert.All(Enumerable.Range(0, ours.Length).Where(i => !withTargets.Contains(i)), i => Assert.Equal(-1, ours[i].Target));
    }

    // "In turn 0 actor 4 has most advantageous target 2 worth 0.063" followed (possibly after a diagnostic line) by
    // "Est by  4 of prob 0.5836 that [ 4> 0], …": i's own estimate of P(i beats j).
    [GeneratedRegex(@"In turn (\d+) actor (\d+) has most advantageous target (\d+) worth ([0-9.]+)\s*\n(?:turn [^\n]*\n)?Est by\s+\d+ of prob ([0-9.]+)")]
    private static partial Regex TargetLine();

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
