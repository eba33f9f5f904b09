using System.Globalization;
using Parley.Bargaining;
using Parley.Model;
using Parley.Talks.Access;
using Parley.Talks.Ledger;
using Parley.Talks.ReadModel;
using Parley.Talks.Rules;

namespace Parley.Talks.Service;

/// <summary>
/// Runs <see cref="BargainingSolver.Solve(Scenario, BargainingOptions?, CancellationToken)"/> on exactly
/// the private data the caller may see, never more: a party on its own position; the mediator on
/// what was disclosed to it (a party enters when its weights and scores were disclosed; an undisclosed
/// reservation value counts as the scale's minimum; only disclosed red lines apply).
/// </summary>
public static class TalksAnalysis
{
    /// <summary>The analysis for <paramref name="caller"/>.</summary>
    /// <exception cref="ForbiddenException">The caller is neither a party nor the mediator.</exception>
    public static AnalysisView Run(TalksProjection s, Caller caller, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(caller);
        var (preferences, basis) = caller.Kind switch
        {
            RoleKind.Party => OwnBasis(s, caller.Party!),
            RoleKind.Mediator => DisclosedBasis(s, caller),
            _ => throw new ForbiddenException("only the parties and the mediator run analyses"),
        };
        if (preferences.Count == 0)
        {
            return new AnalysisView(basis, [], caller.Kind == RoleKind.Party ? "Submit a position to analyse it." : "No party has disclosed its weights and scores yet.",
                s.Scenario.PackageCount, null, [], [], [], [], null);
        }

        var scenario = s.Scenario with { Preferences = preferences.ToValueList() };
        var ids = preferences.Select(p => p.PartyId).ToList();
        var result = BargainingSolver.Solve(scenario, new BargainingOptions { Parties = ids, MaxDegreeOfParallelism = 1 }, cancellationToken);
        var rows = result.Solutions.Select(solution =>
        {
            var row = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["solution"] = solution.Kind.ToString(),
                ["package"] = string.Join(" ", solution.Outcome.Package.Select((o, k) => scenario.Issues[k].Options[o].Id)),
            };
            for (var i = 0; i < ids.Count; i++)
            {
                row[ids[i]] = solution.Outcome.Utilities[i].ToString("0.#", CultureInfo.InvariantCulture);
            }

            return (IReadOnlyDictionary<string, string>)row;
        }).ToList();
        var summary = result.HasAgreement
            ? $"{Count(result.AgreementZone)} of {result.Outcomes.ToString("N0", CultureInfo.InvariantCulture)} packages are acceptable to {string.Join(", ", ids)}."
            : $"No package is acceptable to {string.Join(", ", ids)}.";
        return new AnalysisView(basis, ids, summary, result.Outcomes, result.AgreementZone, rows,
            [.. result.Pareto.Select(o => (IReadOnlyList<double>)[.. o.Utilities])],
            [.. result.SpaceFrontier.Select(o => (IReadOnlyList<double>)[.. o.Utilities])],
            [.. result.Table.Parties.Select(p => p.Reservation)],
            result.Diagnosis is { } d ? [.. d.Relaxations.Take(5).Select(r => (IReadOnlyList<string>)[.. r.Drop])] : null);
    }

    private static string Count(long? zone) => zone?.ToString("N0", CultureInfo.InvariantCulture) ?? "many";

    private static (List<PartyPreferences>, List<string>) OwnBasis(TalksProjection s, string party)
    {
        if (TalksViews.PositionOf(s, Caller.OfParty(party), party) is not { } own)
        {
            return ([], []);
        }

        return ([Positions.ToPreferences(s.Scenario, party, own)], [$"{party}: your own position"]);
    }

    private static (List<PartyPreferences>, List<string>) DisclosedBasis(TalksProjection s, Caller caller)
    {
        var preferences = new List<PartyPreferences>();
        var basis = new List<string>();
        foreach (var group in (TalksViews.Disclosures(s, caller) ?? []).GroupBy(d => d.Party))
        {
            // The latest disclosure of each part counts; red lines accumulate.
            var weights = group.LastOrDefault(d => d.Disclosure.Weights is not null)?.Disclosure.Weights;
            var scores = group.LastOrDefault(d => d.Disclosure.Scores is not null)?.Disclosure.Scores;
            var reservation = group.LastOrDefault(d => d.Disclosure.Reservation is not null)?.Disclosure.Reservation;
            var redLines = group.SelectMany(d => d.Disclosure.RedLines ?? []).GroupBy(r => r.Id).Select(g => g.Last()).ToList();
            var parts = new List<string>();
            if (weights is not null)
            {
                parts.Add("weights");
            }

            if (scores is not null)
            {
                parts.Add("scores");
            }

            if (reservation is not null)
            {
                parts.Add("reservation");
            }

            if (redLines.Count > 0)
            {
                parts.Add($"red lines {string.Join(", ", redLines.Select(r => r.Id))}");
            }

            if (weights is null || scores is null)
            {
                basis.Add($"{group.Key}: disclosed {(parts.Count == 0 ? "a note only" : string.Join(", ", parts))}; not analysed without weights and scores");
                continue;
            }

            var position = new Position(weights, scores, reservation ?? s.Scenario.Scale.Min, redLines);
            preferences.Add(Positions.ToPreferences(s.Scenario, group.Key, position));
            basis.Add($"{group.Key}: disclosed {string.Join(", ", parts)}");
        }

        return (preferences, basis);
    }
}
