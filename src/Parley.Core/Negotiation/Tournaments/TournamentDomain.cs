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
}
