using Parley.Talks.Access;
using Parley.Talks.Ledger;
using Parley.Talks.ReadModel;

namespace Parley.Talks.Service;

/// <summary>
/// What a caller sees of the read model, section by section. Every section asks
/// <see cref="VisibilityPolicy"/>; events are filtered once, as they are folded, into the caller's
/// <see cref="CallerView"/>.
/// </summary>
public static class TalksViews
{
    /// <summary>Most items of one list in the overview; the list routes page through the rest.</summary>
    public const int OverviewListLimit = 200;

    /// <summary>What <paramref name="caller"/> sees of the talks.</summary>
    public static TalksOverview Overview(TalksProjection s, Caller caller)
    {
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(caller);
        var timeline = VisibilityPolicy.SeesTimeline(caller);
        var statements = Statements(s, caller);
        var proposals = Proposals(s, caller);
        return new TalksOverview
        {
            Id = s.Id,
            Title = s.Title,
            Role = caller.Kind,
            Party = caller.Party,
            Version = caller.Kind == RoleKind.Public ? null : s.ViewOf(caller).Count,
            Confidentiality = timeline ? s.Process.Confidentiality : null,
            Mediator = timeline ? s.Process.Mediator : null,
            MediatorEntersAt = timeline ? s.Process.MediatorEntersAt : null,
            MediatorEntered = timeline ? s.MediatorEntered : null,
            Parties = timeline ? Parties(s) : null,
            Issues = timeline ? [.. s.Scenario.Issues] : null,
            Stages = timeline ? [.. s.Stages.Values] : null,
            Meetings = timeline ? Meetings(s, caller) : null,
            Venues = timeline ? [.. s.Venues.Values] : null,
            Deadlines = timeline ? [.. s.Deadlines.Values] : null,
            PressureSteps = timeline ? [.. s.PressureSteps] : null,
            Statements = Latest(statements),
            StatementsTruncated = statements.Count > OverviewListLimit ? true : null,
            Proposals = proposals.Count > 0 || caller.Kind is RoleKind.Party or RoleKind.Mediator ? Latest(proposals) : null,
            ProposalsTruncated = proposals.Count > OverviewListLimit ? true : null,
            Position = OwnPosition(s, caller),
            Disclosures = Disclosures(s, caller),
        };
    }

    /// <summary>Statements the caller may read, oldest first.</summary>
    public static IReadOnlyList<StatementState> Statements(TalksProjection s, Caller caller) =>
        [.. s.Statements.Where(st => VisibilityPolicy.SeesStatement(s, caller, st))];

    /// <summary>Proposals the caller may read, in order of tabling.</summary>
    public static IReadOnlyList<ProposalState> Proposals(TalksProjection s, Caller caller) =>
        [.. s.Proposals.Values.Where(p => VisibilityPolicy.SeesContents(s, caller, p.Stage, p.Author))];

    /// <summary>The proposal, or null when it does not exist or the caller may not see it (the same answer).</summary>
    public static ProposalState? Proposal(TalksProjection s, Caller caller, string id)
    {
        ArgumentNullException.ThrowIfNull(s);
        return s.Proposals.GetValueOrDefault(id) is { } p && VisibilityPolicy.SeesContents(s, caller, p.Stage, p.Author) ? p : null;
    }

    /// <summary>The caller's own position, or null (everyone but a party; a party without one).</summary>
    public static Position? OwnPosition(TalksProjection s, Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return caller.Kind == RoleKind.Party ? PositionOf(s, caller, caller.Party!) : null;
    }

    /// <summary>A party's position, or null when it has none or the caller may not see it (the same answer).</summary>
    public static Position? PositionOf(TalksProjection s, Caller caller, string party)
    {
        ArgumentNullException.ThrowIfNull(s);
        return s.Positions.GetValueOrDefault(party) is { } p && VisibilityPolicy.SeesPosition(s, caller, party) ? p : null;
    }

    /// <summary>The disclosures the caller may see (a party: its own; the mediator: those made to it), or null when it may see none by role.</summary>
    public static IReadOnlyList<DisclosureState>? Disclosures(TalksProjection s, Caller caller)
    {
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(caller);
        var seen = s.Disclosures.Where(d => VisibilityPolicy.SeesDisclosure(s, caller, d.Party)).ToList();
        return seen.Count > 0 || caller.Kind is RoleKind.Party or RoleKind.Mediator ? seen : null;
    }

    /// <summary>Event <paramref name="seq"/> of the caller's view as it may see it.</summary>
    internal static EventView View(StoredEvent e, long seq, bool redacted) =>
        new(seq, e.Event.TypeName, Caller.NormalizeActor(e.Actor), e.At, redacted ? VisibilityPolicy.Redact(e.Event) : e.Event);

    private static List<T> Latest<T>(IReadOnlyList<T> items) => [.. items.Skip(Math.Max(0, items.Count - OverviewListLimit))];

    private static List<PartyView> Parties(TalksProjection s) =>
        [.. s.Scenario.Parties.Select(p => new PartyView(p.Id, p.Name, p.Roles, [.. p.Negotiators, .. s.Negotiators.Where(n => n.Party == p.Id).Select(n => n.Name)], p.Optional))];

    private static List<MeetingView> Meetings(TalksProjection s, Caller caller) =>
        [.. s.Meetings.Values.Select(m =>
        {
            var venue = s.Venues[m.Venue];
            var status = m.Participants.ToDictionary(p => p, p => venue.AcceptedBy.Contains(p) ? "accepted" : venue.RejectedBy.Contains(p) ? "rejected" : "pending", StringComparer.Ordinal);
            return new MeetingView(m.Id, m.Stage, m.Venue, venue.Name, m.Date, m.Status, m.Participants, status, VisibilityPolicy.SeesMinutes(s, caller, m) ? m.Note : "");
        })];
}
