using Parley.Model;
using Parley.Talks.Access;
using Parley.Talks.Ledger;
using Parley.Talks.ReadModel;
using Parley.Talks.Rules;

namespace Parley.Talks.Service;

/// <summary>
/// The private data a caller may compute with, and never more: a party its own position; the mediator
/// what was disclosed to it (a party enters when its weights and scores were disclosed; an undisclosed
/// reservation value counts as the scale's minimum; only disclosed red lines apply). Shared by the
/// analysis (<see cref="TalksAnalysis"/>) and the live briefing (<see cref="LiveScenario"/>).
/// </summary>
/// <param name="Preferences">Preferences to analyse, one per party that enters, in disclosure order.</param>
/// <param name="Lines">What went in, one line per party (e.g. <c>UA: disclosed weights, scores, reservation</c>), including parties left out and why.</param>
public sealed record AnalysisBasis(IReadOnlyList<PartyPreferences> Preferences, IReadOnlyList<string> Lines)
{
    /// <summary>Nothing private.</summary>
    public static AnalysisBasis None { get; } = new([], []);

    /// <summary>The basis of <paramref name="caller"/>: its own position (a party), its disclosures (the mediator), or null for a role that sees no private data.</summary>
    public static AnalysisBasis? For(TalksProjection s, Caller caller)
    {
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(caller);
        return caller.Kind switch
        {
            RoleKind.Party => Own(s, caller.Party!),
            RoleKind.Mediator => Disclosed(s, caller),
            _ => null,
        };
    }

    /// <summary>A party's own position, when it submitted one.</summary>
    public static AnalysisBasis Own(TalksProjection s, string party)
    {
        ArgumentNullException.ThrowIfNull(s);
        if (TalksViews.PositionOf(s, Caller.OfParty(party), party) is not { } own)
        {
            return None;
        }

        return new([Positions.ToPreferences(s.Scenario, party, own)], [$"{party}: your own position"]);
    }

    /// <summary>What the parties disclosed to <paramref name="caller"/> (the mediator): the latest disclosure of each part counts; red lines accumulate.</summary>
    public static AnalysisBasis Disclosed(TalksProjection s, Caller caller)
    {
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(caller);
        var preferences = new List<PartyPreferences>();
        var basis = new List<string>();
        foreach (var group in (TalksViews.Disclosures(s, caller) ?? []).GroupBy(d => d.Party))
        {
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

        return new(preferences, basis);
    }
}
