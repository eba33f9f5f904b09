using Parley.Model;

namespace Parley.Bargaining;

/// <summary>
/// One party's additive utility over an <see cref="OutcomeSpace"/>, its reservation value and its red lines.
/// <see cref="Contributions"/>[k][o] is what option o of issue k adds to the party's utility, already
/// weighted: for a scenario, w_k·score_k(o)/Σw (see <see cref="UtilityTable.FromScenario"/>).
/// </summary>
/// <param name="Id">Party id.</param>
/// <param name="Name">Display name.</param>
/// <param name="Contributions">Per issue, per option: weighted contribution to the utility.</param>
/// <param name="Reservation">Reservation value (utility of the BATNA) on the table's scale.</param>
/// <param name="RedLines">Hard constraints (issue atoms <c>T in [T1, T2]</c>, or option atoms naming an option id).</param>
/// <param name="DiscountFactor">Discount per unit of normalised time (GENIUS); 1 = none. Not used by the static solutions; tournaments discount what each party gets by it.</param>
public sealed record PartyUtility(
    string Id,
    string Name,
    ValueList<ValueList<double>> Contributions,
    double Reservation,
    ValueList<RedLine> RedLines,
    double DiscountFactor = 1)
{
    /// <summary>Utility of a package: the sum of its options' contributions. Ignores red lines.</summary>
    public double Utility(ReadOnlySpan<int> package)
    {
        var u = 0.0;
        for (var k = 0; k < package.Length; k++)
        {
            u += Contributions[k][package[k]];
        }

        return u;
    }

    /// <summary>Largest utility over the whole space (each issue at its best option), ignoring constraints.</summary>
    public double MaxUtility => Contributions.Sum(c => c.Max());

    /// <summary>Smallest utility over the whole space.</summary>
    public double MinUtility => Contributions.Sum(c => c.Min());

    /// <summary>The same party without red lines.</summary>
    public PartyUtility WithoutRedLines() => this with { RedLines = ValueList<RedLine>.Empty };
}
