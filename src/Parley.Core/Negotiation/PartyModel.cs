using Parley.Model;

namespace Parley.Negotiation;

/// <summary>
/// One party's preferences as numbers (normalised weights, option scores, reservation value, compiled
/// red lines), possibly perturbed for one forecast run. The engine turns it into that party's
/// <see cref="PartyView"/> for a table; it never reaches a strategy.
/// </summary>
internal sealed class PartyModel(string partyId, double[] weights, double[][] scores, double reservation, RedLineRule[] redLines, double discount = 1)
{
    public string PartyId { get; } = partyId;

    /// <summary>Weights summing to 1, in scenario issue order.</summary>
    public double[] Weights { get; } = weights;

    /// <summary>Per scenario issue, per option, the score on the scenario's scale.</summary>
    public double[][] Scores { get; } = scores;

    public double Reservation { get; } = reservation;

    public RedLineRule[] RedLines { get; } = redLines;

    /// <summary>GENIUS's discount factor d in (0, 1]: what the party gets at normalised time t is its utility × d^t (1: none).</summary>
    public double Discount { get; } = discount;

    /// <summary>The discounted value of <paramref name="utility"/> at normalised time <paramref name="t"/> (0–1), as GENIUS defines it.</summary>
    public double Discounted(double utility, double t) => Discount >= 1 ? utility : utility * Math.Pow(Discount, Math.Clamp(t, 0, 1));

    public static PartyModel From(PartyPreferences preferences, IReadOnlyList<Issue> issues)
    {
        var sum = preferences.Weights.Sum();
        var weights = preferences.Weights.Select(w => sum > 0 ? w / sum : 1.0 / issues.Count).ToArray();
        var scores = preferences.Scores.Select(s => s.Values.ToArray()).ToArray();
        var rules = preferences.RedLines.Select(r => new RedLineRule(r.Id, CompiledRule.Compile(r.Rule, issues))).ToArray();
        return new PartyModel(preferences.PartyId, weights, scores, preferences.Reservation, rules);
    }

    /// <summary>
    /// This party's view of a table over <paramref name="space"/> (a subset of the issues): the weights are
    /// renormalised over the issues at the table, so utilities stay on the scenario's scale.
    /// </summary>
    /// <param name="space">The issues on the agenda.</param>
    /// <param name="fixedOptions">Per scenario issue, the settled option or −1.</param>
    /// <param name="reservation">Reservation value at the session's time.</param>
    /// <param name="firm">Which of <see cref="RedLines"/> still bind (null: all).</param>
    /// <param name="sampleSeed">Seed for ranking very large spaces by sampling.</param>
    public PartyView View(OutcomeSpace space, int[] fixedOptions, double reservation, bool[]? firm = null, ulong sampleSeed = 0)
    {
        var total = space.IssueIndices.Sum(k => Weights[k]);
        var table = new double[space.IssueCount][];
        for (var j = 0; j < space.IssueCount; j++)
        {
            var k = space.IssueIndices[j];
            // A party indifferent to every issue at the table values every package at its reservation value.
            table[j] = total > 0
                ? [.. Scores[k].Select(s => Weights[k] / total * s)]
                : [.. Scores[k].Select(_ => reservation / space.IssueCount)];
        }

        var rules = RedLines.Where((_, i) => firm is null || firm[i]).Select(r => r.Rule).ToArray();
        return new PartyView(PartyId, space, table, reservation, rules, fixedOptions, sampleSeed);
    }
}
