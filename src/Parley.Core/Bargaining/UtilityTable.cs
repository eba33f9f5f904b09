using Parley.Model;

namespace Parley.Bargaining;

/// <summary>
/// Parties' additive utilities over one outcome space: the input of every bargaining computation.
/// Build it from a scenario (<see cref="FromScenario"/>, any subset of parties) or from imported
/// GENIUS / GeniusWeb / NegoLog profiles (<c>Parley.Bargaining.Import</c>).
/// </summary>
/// <param name="Space">The packages.</param>
/// <param name="Parties">The parties taking part, in order (results list utilities in this order).</param>
/// <param name="Scale">The utility scale (0–100 for scenarios, 0–1 for imported profiles); tolerances scale with its span.</param>
public sealed record UtilityTable(OutcomeSpace Space, ValueList<PartyUtility> Parties, ScoreScale Scale)
{
    /// <summary>Relative tolerance: utilities closer than <c>RelativeTolerance × (Scale.Max − Scale.Min)</c> count as equal.</summary>
    public const double RelativeTolerance = 1e-9;

    /// <summary>
    /// Absolute tolerance on this table's scale. A package is acceptable to a party when
    /// <c>u ≥ reservation − Tolerance</c>; frontier comparisons round utilities to multiples of it.
    /// </summary>
    public double Tolerance => RelativeTolerance * Math.Max(Scale.Max - Scale.Min, double.Epsilon);

    /// <summary>
    /// Builds the table of a scenario. Contributions are <c>w_k·score_k(o)/Σ_j w_j</c> (weights normalised to sum 1,
    /// scores on the scenario scale, so utilities are on that scale too; the product is formed before the division so
    /// that integer weights and scores give exact results, e.g. 65.5 rather than 65.49999…).
    /// </summary>
    /// <param name="scenario">The scenario.</param>
    /// <param name="partyIds">Parties to include, in this order; null = every non-optional party with preferences.</param>
    /// <param name="redLines">False to drop all red lines.</param>
    /// <exception cref="ArgumentException">A party is unknown, has no preferences, is listed twice, or fewer than one remains.</exception>
    public static UtilityTable FromScenario(Scenario scenario, IEnumerable<string>? partyIds = null, bool redLines = true)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var ids = partyIds?.ToList()
            ?? [.. scenario.Parties.Where(p => !p.Optional && scenario.PreferencesOf(p.Id) is not null).Select(p => p.Id)];
        if (ids.Count == 0)
        {
            throw new ArgumentException("no parties with preferences to bargain over", nameof(partyIds));
        }

        if (ids.Distinct(StringComparer.Ordinal).Count() != ids.Count)
        {
            throw new ArgumentException($"party listed twice in {string.Join(",", ids)}", nameof(partyIds));
        }

        var parties = new List<PartyUtility>();
        foreach (var id in ids)
        {
            var party = scenario.FindParty(id) ?? throw new ArgumentException(
                $"unknown party '{id}' (parties: {string.Join(", ", scenario.Parties.Select(p => p.Id))})", nameof(partyIds));
            var prefs = scenario.PreferencesOf(id) ?? throw new ArgumentException($"party '{id}' has no preferences in the scenario", nameof(partyIds));
            var sum = prefs.Weights.Sum();
            var contributions = prefs.Scores
                .Select((s, k) => s.Values.Select(v => prefs.Weights[k] * v / sum).ToValueList())
                .ToValueList();
            parties.Add(new PartyUtility(party.Id, party.Name, contributions, prefs.Reservation,
                redLines ? prefs.RedLines : ValueList<RedLine>.Empty));
        }

        return new UtilityTable(OutcomeSpace.FromScenario(scenario), parties.ToValueList(), scenario.Scale);
    }

    /// <summary>Index of the party with the given id, or -1.</summary>
    public int PartyIndex(string id)
    {
        for (var i = 0; i < Parties.Count; i++)
        {
            if (Parties[i].Id == id)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Every party's utility for a package, in party order.</summary>
    public double[] Utilities(ReadOnlySpan<int> package)
    {
        var u = new double[Parties.Count];
        for (var i = 0; i < u.Length; i++)
        {
            u[i] = Parties[i].Utility(package);
        }

        return u;
    }

    /// <summary>Ids of the red lines of party <paramref name="party"/> that the package breaks.</summary>
    public IReadOnlyList<string> BrokenRedLines(int party, ReadOnlySpan<int> package)
    {
        var chosen = package.ToArray();
        return [.. CompiledRedLines.For(this)[party].Where(r => !r.Holds(chosen)).Select(r => r.Id)];
    }

    /// <summary>
    /// True when the package is acceptable to the party: its utility is at or above the reservation value
    /// (within <see cref="Tolerance"/>) and it breaks none of the party's red lines.
    /// </summary>
    public bool IsAcceptable(int party, ReadOnlySpan<int> package)
    {
        if (Parties[party].Utility(package) < Parties[party].Reservation - Tolerance)
        {
            return false;
        }

        var rules = CompiledRedLines.For(this)[party];
        if (rules.Length == 0)
        {
            return true;
        }

        var chosen = package.ToArray();
        return rules.All(r => r.Holds(chosen));
    }

    /// <summary>True when the package is acceptable to every party (it lies in the agreement zone).</summary>
    public bool IsInZone(ReadOnlySpan<int> package)
    {
        for (var i = 0; i < Parties.Count; i++)
        {
            if (!IsAcceptable(i, package))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The table restricted to some parties (by id, in the given order).</summary>
    public UtilityTable WithParties(IEnumerable<string> ids) =>
        this with { Parties = ids.Select(id => Parties[PartyIndex(id) is var i and >= 0 ? i : throw new ArgumentException($"unknown party '{id}'", nameof(ids))]).ToValueList() };

    /// <summary>The table with every red line dropped.</summary>
    public UtilityTable WithoutRedLines() => this with { Parties = Parties.Select(p => p.WithoutRedLines()).ToValueList() };

    /// <summary>The table with the red lines whose ids are listed dropped.</summary>
    public UtilityTable WithoutRedLines(IEnumerable<string> redLineIds)
    {
        var drop = redLineIds.ToHashSet(StringComparer.Ordinal);
        return this with { Parties = Parties.Select(p => p with { RedLines = p.RedLines.Where(r => !drop.Contains(r.Id)).ToValueList() }).ToValueList() };
    }

    /// <summary>The table with reservation values replaced (one per party, in party order).</summary>
    public UtilityTable WithReservations(IReadOnlyList<double> reservations) =>
        this with { Parties = Parties.Select((p, i) => p with { Reservation = reservations[i] }).ToValueList() };
}
