namespace Parley.Model;

/// <summary>
/// A party's <b>private</b> preferences: additive weights and option scores, its reservation value
/// (the utility of its BATNA) and its red lines. Only the party itself, and the mediator for what the
/// party disclosed, may see them.
/// </summary>
/// <param name="PartyId">Whose preferences these are.</param>
/// <param name="Weights">One raw weight per issue, in issue order (≥ 0, not all zero). Normalise with <see cref="NormalizedWeights"/>.</param>
/// <param name="Scores">Per issue (in issue order), the score of each option on the scenario's scale.</param>
/// <param name="Reservation">Reservation value (utility of the BATNA) on the scenario's scale.</param>
/// <param name="RedLines">Hard constraints: a package that breaks one is unacceptable whatever its utility.</param>
public sealed record PartyPreferences(
    string PartyId,
    ValueList<double> Weights,
    ValueList<IssueScores> Scores,
    double Reservation,
    ValueList<RedLine> RedLines)
{
    /// <summary>Weights divided by their sum, so they add up to 1.</summary>
    public double[] NormalizedWeights()
    {
        var sum = Weights.Sum();
        return [.. Weights.Select(w => w / sum)];
    }

    /// <summary>
    /// Additive utility of a package (one option index per issue, in issue order) on the scenario's
    /// scale: Σ_k w_k·score_k(option_k) with normalised weights. Ignores red lines.
    /// </summary>
    public double Utility(ReadOnlySpan<int> package)
    {
        var sum = Weights.Sum();
        var u = 0.0;
        for (var k = 0; k < package.Length; k++)
        {
            u += Weights[k] / sum * Scores[k].Values[package[k]];
        }

        return u;
    }
}

/// <summary>
/// A party's scores for one issue's options. For a numeric issue the scores may come from a
/// piecewise-linear value function, kept in <see cref="Function"/> so that saving writes it back.
/// </summary>
/// <param name="Values">Score per option, in option order.</param>
/// <param name="Function">Breakpoints (x ascending) of the value function for a numeric issue, else null.</param>
public sealed record IssueScores(ValueList<double> Values, ValueList<ValuePoint>? Function = null);

/// <summary>A breakpoint of a piecewise-linear value function.</summary>
public sealed record ValuePoint(double X, double Score);

/// <summary>A party's red line: a hard constraint over packages.</summary>
/// <param name="Id">Unique id across the scenario (e.g. <c>RU-donbas</c>).</param>
/// <param name="Rule">The constraint; a package must satisfy it.</param>
/// <param name="Note">Why (free text, may be empty).</param>
public sealed record RedLine(string Id, Condition Rule, string Note = "");
