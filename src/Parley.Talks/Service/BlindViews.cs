using Parley.Model;
using Parley.Talks.Access;
using Parley.Talks.Ledger;
using Parley.Talks.ReadModel;

namespace Parley.Talks.Service;

/// <summary>
/// What the mediator's desk shows a caller: a party its own consent, the checks made on its data, its
/// bids and marks; the mediator every consent, its checks, the budget, round results and per-issue
/// objection counts (names only of parties that consented to be named). Never a bid, a mark of another,
/// a weight, a score, a reservation value or a red line.
/// </summary>
public static class BlindViews
{
    /// <summary>The whole desk for <paramref name="c"/>.</summary>
    /// <exception cref="Rules.ForbiddenException">The caller is neither a party nor the mediator.</exception>
    public static BlindDesk Desk(TalksProjection s, Caller c)
    {
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(c);
        RequireDesk(s, c);
        return new BlindDesk(Consents(s, c), Checks(s, c), Remaining(s, c), Rounds(s, c), Texts(s, c));
    }

    /// <summary>Consents the caller may see: a party its own, the mediator every party's.</summary>
    public static IReadOnlyDictionary<string, BlindConsent> Consents(TalksProjection s, Caller c)
    {
        ArgumentNullException.ThrowIfNull(s);
        RequireDesk(s, c);
        var parties = c.Kind == RoleKind.Party ? [c.Party!] : s.Scenario.Parties.Select(p => p.Id);
        return parties.ToDictionary(p => p, s.Blind.ConsentOf, StringComparer.Ordinal);
    }

    /// <summary>Checks the caller asked for or whose data they used, oldest first.</summary>
    public static IReadOnlyList<BlindCheckState> Checks(TalksProjection s, Caller c)
    {
        ArgumentNullException.ThrowIfNull(s);
        RequireDesk(s, c);
        return [.. s.Blind.Checks.Where(k => VisibilityPolicy.SeesCheck(c, k.Asker, k.Parties))];
    }

    /// <summary>Checks and bidding rounds left per budget scope the caller may spend from (<c>T</c>: the talks as a whole).</summary>
    public static IReadOnlyDictionary<string, int> Remaining(TalksProjection s, Caller c)
    {
        ArgumentNullException.ThrowIfNull(s);
        RequireDesk(s, c);
        var budget = s.Process.Confidentiality.CheckBudget;
        var open = s.Stages.Values.Where(st => st.Status is StageStatus.Pending or StageStatus.Open
            && (c.Kind == RoleKind.Mediator || st.Participants.Contains(c.Party!)));
        var scopes = new SortedDictionary<string, int>(StringComparer.Ordinal);
        if (c.Kind == RoleKind.Mediator)
        {
            scopes["T"] = Math.Max(0, budget - s.Blind.Spent(null));
        }

        foreach (var st in open)
        {
            scopes[st.Id] = Math.Max(0, budget - s.Blind.Spent(st.Id));
        }

        return scopes;
    }

    /// <summary>Bidding rounds the caller may see, with its own bid (a party) and the result.</summary>
    public static IReadOnlyList<BidRoundView> Rounds(TalksProjection s, Caller c)
    {
        ArgumentNullException.ThrowIfNull(s);
        RequireDesk(s, c);
        return [.. s.Blind.Rounds.Values.Where(r => VisibilityPolicy.SeesRound(s, c, r.Round)).Select(r => new BidRoundView(
            r.Round, r.Stage, r.Spec.Subject, r.Spec.Issue, r.Spec.Min, r.Spec.Max, r.Spec.Unit, r.Spec.Bidders,
            r.Spec.Bidders.Count - r.Bids.Count,
            c.Kind == RoleKind.Party ? r.Bids.GetValueOrDefault(c.Party!) is { } own ? new OwnBid(own.Side, own.Bound, own.RevealGap) : null : null,
            r.Result is { } x ? new BidResult(x.Overlap, x.Value, x.Gap) : null))];
    }

    /// <summary>Single texts the caller may see: rounds, its own marks (a party), objection counts (the mediator).</summary>
    public static IReadOnlyList<SingleTextView> Texts(TalksProjection s, Caller c)
    {
        ArgumentNullException.ThrowIfNull(s);
        RequireDesk(s, c);
        return [.. s.Blind.Texts.Values
            .Where(t => VisibilityPolicy.SeesSingleText(s, c, t.Stage))
            .Select(t => Text(s, c, t))];
    }

    private static SingleTextView Text(TalksProjection s, Caller c, SingleTextState t)
    {
        var participants = s.MeetingParticipants(t.Stage);
        var rounds = t.Rounds.Select((r, i) =>
        {
            var marks = t.Marks[i];
            if (c.Kind == RoleKind.Party)
            {
                return new SingleTextRoundView(r.Round, r.Package, r.Note, participants.Count, null, null, null, marks.GetValueOrDefault(c.Party!));
            }

            var objections = r.Package.Keys.ToDictionary(k => k, k => marks.Values.Count(m => m.GetValueOrDefault(k) == IssueMark.NeedsChange), StringComparer.Ordinal);
            var named = r.Package.Keys.ToDictionary(k => k, k => (IReadOnlyList<string>)[.. marks
                .Where(m => m.Value.GetValueOrDefault(k) == IssueMark.NeedsChange && s.Blind.ConsentOf(m.Key).Named)
                .Select(m => m.Key).Order(StringComparer.Ordinal)], StringComparer.Ordinal);
            return new SingleTextRoundView(r.Round, r.Package, r.Note, participants.Count, marks.Count, objections, named, null);
        }).ToList();
        return new SingleTextView(t.Stage, rounds, t.SubmittedAs, t.SubmittedRound);
    }

    /// <summary>Whether <paramref name="c"/> has a desk: a party, or the mediator of talks that have one.</summary>
    public static bool UsesDesk(TalksProjection s, Caller c)
    {
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(c);
        return (c.Kind == RoleKind.Party && c.Party is not null) || (c.Kind == RoleKind.Mediator && s.Process.Mediator is not null);
    }

    private static void RequireDesk(TalksProjection s, Caller c)
    {
        if (!UsesDesk(s, c))
        {
            throw new Rules.ForbiddenException("only the parties and the mediator use the mediator's desk");
        }
    }
}

/// <summary>The mediator's desk as one caller sees it.</summary>
/// <param name="Consents">Party → consent (a party: its own; the mediator: every party's).</param>
/// <param name="Checks">Checks the caller asked for, or made on its data.</param>
/// <param name="Remaining">Budget left per scope (stage id; <c>T</c> for the talks as a whole).</param>
/// <param name="Rounds">Bidding rounds.</param>
/// <param name="Texts">Single negotiating texts.</param>
public sealed record BlindDesk(
    IReadOnlyDictionary<string, BlindConsent> Consents,
    IReadOnlyList<BlindCheckState> Checks,
    IReadOnlyDictionary<string, int> Remaining,
    IReadOnlyList<BidRoundView> Rounds,
    IReadOnlyList<SingleTextView> Texts);

/// <summary>A bidding round as shown: never another party's bid.</summary>
/// <param name="Round">Round id.</param>
/// <param name="Stage">Stage.</param>
/// <param name="Subject">What the number is.</param>
/// <param name="Issue">The numeric issue, or null.</param>
/// <param name="Min">Smallest admissible bid.</param>
/// <param name="Max">Largest admissible bid.</param>
/// <param name="Unit">Unit.</param>
/// <param name="Bidders">Who bids.</param>
/// <param name="Waiting">How many bids are still to come.</param>
/// <param name="Own">The caller's own bid, or null.</param>
/// <param name="Result">The result once every bidder bid, or null.</param>
public sealed record BidRoundView(string Round, string Stage, string Subject, string? Issue, double Min, double Max, string Unit, IReadOnlyList<string> Bidders, int Waiting, OwnBid? Own, BidResult? Result);

/// <summary>The caller's own bid.</summary>
/// <param name="Side">Which end.</param>
/// <param name="Bound">The bound.</param>
/// <param name="RevealGap">Consent to show the gap.</param>
public sealed record OwnBid(BidSide Side, double Bound, bool RevealGap);

/// <summary>A round's result.</summary>
/// <param name="Overlap">True when the ranges overlap.</param>
/// <param name="Value">The settlement, or null.</param>
/// <param name="Gap">The gap bucket when every bidder consented, or null.</param>
public sealed record BidResult(bool Overlap, double? Value, string? Gap);

/// <summary>A stage's single text as shown.</summary>
/// <param name="Stage">Stage.</param>
/// <param name="Rounds">Rounds, first first.</param>
/// <param name="SubmittedAs">The proposal it became, or null.</param>
/// <param name="SubmittedRound">The round sent to signature, or null.</param>
public sealed record SingleTextView(string Stage, IReadOnlyList<SingleTextRoundView> Rounds, string? SubmittedAs, int? SubmittedRound);

/// <summary>One round of a single text as shown.</summary>
/// <param name="Round">Round number.</param>
/// <param name="Package">Issue id → option id.</param>
/// <param name="Note">The mediator's note.</param>
/// <param name="Participants">How many participants mark.</param>
/// <param name="Marked">The mediator: how many have marked; null for a party.</param>
/// <param name="Objections">The mediator: per issue, how many need a change; null for a party.</param>
/// <param name="Objectors">The mediator: per issue, the objecting parties that consented to be named; null for a party.</param>
/// <param name="Own">A party: its own marks, or null.</param>
public sealed record SingleTextRoundView(
    int Round,
    IReadOnlyDictionary<string, string> Package,
    string Note,
    int Participants,
    int? Marked,
    IReadOnlyDictionary<string, int>? Objections,
    IReadOnlyDictionary<string, IReadOnlyList<string>>? Objectors,
    IReadOnlyDictionary<string, IssueMark>? Own);
