using Parley.Model;

namespace Parley.Bargaining.Export;

/// <summary>The scenario and the parties an export writes, their preferences normalised to 0–1 (<see cref="ExportParty"/>).</summary>
/// <param name="Scenario">The source scenario.</param>
/// <param name="Parties">The exported parties, in the order asked for.</param>
internal sealed record ExportModel(Scenario Scenario, IReadOnlyList<ExportParty> Parties)
{
    /// <summary>
    /// Picks the parties as <c>parley bargain</c> does: the listed ids in that order, else every non-optional party
    /// with preferences.
    /// </summary>
    /// <exception cref="ArgumentException">The scenario has no issues, a party is unknown, has no preferences, is listed twice, or none remains.</exception>
    public static ExportModel From(Scenario scenario, IReadOnlyList<string>? partyIds)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        if (scenario.Issues.Count == 0)
        {
            throw new ArgumentException("the scenario has no issues to export (a conflict-only scenario exports only to gmcr)");
        }

        var ids = partyIds is { Count: > 0 }
            ? [.. partyIds]
            : scenario.Parties.Where(p => !p.Optional && scenario.PreferencesOf(p.Id) is not null).Select(p => p.Id).ToList();
        if (ids.Count == 0)
        {
            throw new ArgumentException("the scenario has no parties with preferences to export");
        }

        if (ids.Distinct(StringComparer.Ordinal).Count() != ids.Count)
        {
            throw new ArgumentException($"party listed twice in {string.Join(",", ids)}");
        }

        var span = scenario.Scale.Max - scenario.Scale.Min;
        double Unit(double v) => span > 0 ? (v - scenario.Scale.Min) / span : 0;
        var parties = ids.Select(id =>
        {
            var party = scenario.FindParty(id)
                ?? throw new ArgumentException($"unknown party '{id}' (parties: {string.Join(", ", scenario.Parties.Select(p => p.Id))})");
            var prefs = scenario.PreferencesOf(id) ?? throw new ArgumentException($"party '{id}' has no preferences in the scenario");
            return new ExportParty(party.Id, party.Name, prefs.NormalizedWeights(),
                [.. prefs.Scores.Select(s => s.Values.Select(Unit).ToArray())], Unit(prefs.Reservation),
                [.. prefs.Scores.Select(s => s.Values.ToArray())]);
        }).ToList();
        return new ExportModel(scenario, parties);
    }
}
