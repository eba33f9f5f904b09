using Parley.Model;
using Parley.Scenarios;

namespace Parley.Bargaining.Import;

/// <summary>A negotiation domain read from GENIUS, GeniusWeb/ANL, NegoLog or NegMAS files, ready for <see cref="BargainingSolver"/>.</summary>
/// <param name="Table">Issues, parties (one per profile, named after the profile file) and utilities (0–1 for GENIUS and GeniusWeb).</param>
/// <param name="Format">Detected format: <c>genius</c>, <c>geniusweb</c>, <c>negolog</c> or <c>negmas</c>.</param>
/// <param name="Warnings">What the lenient reader repaired or normalised, located in the input.</param>
public sealed record ImportedDomain(UtilityTable Table, string Format, ValueList<Diagnostic> Warnings)
{
    /// <summary>
    /// The domain as a scenario, for lenses that read scenarios (e.g. <c>parley simulate</c>): one party per profile,
    /// the issues with their options, no red lines, no process (the negotiation lens then simulates one session of
    /// every party over every issue). Utilities are kept exactly: each party weighs its K issues 1/K and scores option o
    /// of issue k as K·c_k(o), so Σ_k (1/K)·K·c_k(o) is the imported utility. The scale spans every score and reservation value.
    /// </summary>
    /// <param name="id">Scenario id (e.g. the folder name).</param>
    public Scenario ToScenario(string id)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        var space = Table.Space;
        var k = space.Issues.Count;
        var issues = space.Issues.Select(i => new Issue(i.Id, i.Name,
            i.OptionIds.Select((o, j) => new IssueOption(o, i.OptionNames[j])).ToValueList())).ToValueList();
        var parties = Table.Parties.Select(p => new Party(p.Id, p.Name, new[] { PartyRole.Party }.ToValueList(), ValueList<string>.Empty)).ToValueList();
        var preferences = Table.Parties.Select(p => new PartyPreferences(p.Id,
            Enumerable.Repeat(1.0, k).ToValueList(),
            p.Contributions.Select(c => new IssueScores(c.Select(x => x * k).ToValueList())).ToValueList(),
            p.Reservation, p.RedLines)).ToValueList();
        var scores = preferences.SelectMany(p => p.Scores.SelectMany(s => s.Values).Append(p.Reservation)).ToList();
        var scale = new ScoreScale(Math.Min(Table.Scale.Min, scores.Min()), Math.Max(Table.Scale.Max, scores.Max()));
        return new Scenario(id, id, $"Imported from {Format} files.", scale, parties, issues, preferences, null, null, null, null);
    }
}
