using Parley.Model;

namespace Parley.Negotiation.Tournaments;

/// <summary>
/// A table for tournament sessions: issues, the roles (parties) in table order with their preferences,
/// and reference points (Pareto frontier, Nash solution) for the efficiency metrics.
/// </summary>
public sealed class TournamentDomain
{
    private readonly Lazy<IAgreementMetrics> _metrics;
    private readonly Lazy<IUtilityView[]> _views;

    internal TournamentDomain(string name, IReadOnlyList<Issue> issues, PartyModel[] roles, Func<IAgreementMetrics> metrics)
    {
        Name = name;
        Issues = issues;
        Roles = roles;
        Space = new OutcomeSpace([.. issues.Select(i => i.Options.Count)]);
        _metrics = new Lazy<IAgreementMetrics>(metrics, LazyThreadSafetyMode.ExecutionAndPublication);
        _views = new Lazy<IUtilityView[]>(BuildViews, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>Short name (used in session keys).</summary>
    public string Name { get; }

    /// <summary>Role (party) ids in table order.</summary>
    public IReadOnlyList<string> RoleIds => [.. Roles.Select(r => r.PartyId)];

    internal IReadOnlyList<Issue> Issues { get; }

    internal PartyModel[] Roles { get; }

    internal OutcomeSpace Space { get; }

    internal IAgreementMetrics Metrics => _metrics.Value;

    /// <summary>Each role's view, ranked once and shared by every session (views are read-only once ranked).</summary>
    internal IUtilityView[] Views => _views.Value;

    private IUtilityView[] BuildViews()
    {
        var fixedOptions = Enumerable.Repeat(-1, Issues.Count).ToArray();
        return [.. Roles.Select((r, i) =>
        {
            var view = r.View(Space, fixedOptions, r.Reservation, sampleSeed: Tournament.Fnv(Name) + (ulong)i);
            _ = view.Ranked; // rank now, under the Lazy's lock, so sessions on other threads only read
            return (IUtilityView)view;
        })];
    }

    /// <summary>A domain from a scenario: the listed parties (default: the first two non-optional parties with preferences).</summary>
    /// <exception cref="ArgumentException">A party is unknown or has no preferences, or fewer than two roles remain.</exception>
    public static TournamentDomain FromScenario(string name, Scenario scenario, IReadOnlyList<string>? parties = null, bool redLines = true)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var ids = parties is { Count: > 0 } ? parties
            : [.. scenario.Parties.Where(p => !p.Optional && scenario.PreferencesOf(p.Id) is not null).Take(2).Select(p => p.Id)];
        if (ids.Count < 2)
        {
            throw new ArgumentException($"domain '{name}' needs at least two parties with preferences");
        }

        var roles = ids.Select(id =>
        {
            var prefs = scenario.PreferencesOf(id) ?? throw new ArgumentException($"domain '{name}': party '{id}' has no preferences in the scenario");
            var model = PartyModel.From(prefs, scenario.Issues);
            return redLines ? model : new PartyModel(model.PartyId, model.Weights, model.Scores, model.Reservation, []);
        }).ToArray();
        return new TournamentDomain(name, scenario.Issues, roles, () => AgreementMetrics.For(scenario, ids, redLines));
    }

    /// <summary>
    /// A domain from a bargaining table, e.g. a GENIUS / GeniusWeb / ANL domain imported by the bargaining lens
    /// (<see cref="Bargaining.Import.GeniusXml"/>, <see cref="Bargaining.Import.JsonProfiles"/>). Roles: the listed
    /// parties (default: all of the table's parties, in order).
    /// </summary>
    /// <exception cref="ArgumentException">A party is unknown, or fewer than two roles remain.</exception>
    public static TournamentDomain FromTable(string name, Bargaining.UtilityTable table, IReadOnlyList<string>? parties = null, bool redLines = true)
    {
        ArgumentNullException.ThrowIfNull(table);
        var selected = parties is { Count: > 0 } ? table.WithParties(parties) : table;
        if (!redLines)
        {
            selected = selected.WithoutRedLines();
        }

        if (selected.Parties.Count < 2)
        {
            throw new ArgumentException($"domain '{name}' needs at least two parties (profiles)");
        }

        var issues = selected.Space.Issues.Select(i => new Issue(i.Id, i.Name,
            i.OptionIds.Select((o, j) => new IssueOption(o, i.OptionNames[j])).ToValueList())).ToList();
        var k = issues.Count;
        // PartyModel keeps weights and scores apart; contributions c = w·s are stored as w = 1/K, s = K·c, which
        // its views turn back into c exactly on the full space.
        var roles = selected.Parties.Select(p => new PartyModel(p.Id, [.. Enumerable.Repeat(1.0 / k, k)],
            [.. p.Contributions.Select(c => c.Select(x => x * k).ToArray())], p.Reservation,
            [.. p.RedLines.Select(r => new RedLineRule(r.Id, CompiledRule.Compile(r.Rule, issues)))], p.DiscountFactor)).ToArray();
        return new TournamentDomain(name, issues, roles, () => AgreementMetrics.For(selected));
    }
}
