using Parley.Talks.Access;
using Parley.Talks.Ledger;
using Parley.Talks.ReadModel;

namespace Parley.Talks.Service;

/// <summary>
/// The one place that decides what a caller sees. Every read path (API, UI, exports, live feed)
/// goes through <see cref="Overview"/> or <see cref="Filter"/>.
/// <list type="bullet">
/// <item>public: the talks' title and public statements;</item>
/// <item>observer: + parties, agenda, stages, meetings (without notes), venues, deadlines;</item>
/// <item>party: + proposals, private statements, meeting notes, its own position and disclosures;</item>
/// <item>mediator: + proposals, private statements, meeting notes, every disclosure to it; no position.</item>
/// </list>
/// </summary>
public static class TalksViews
{
    /// <summary>What <paramref name="caller"/> sees of the talks.</summary>
    public static TalksOverview Overview(TalksProjection s, Caller caller)
    {
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(caller);
        var timeline = caller.SeesTimeline;
        var contents = caller.SeesContents;
        return new TalksOverview
        {
            Id = s.Id,
            Title = s.Title,
            Role = caller.Kind,
            Party = caller.Party,
            Version = contents ? s.Version : null,
            Mediator = timeline ? s.Process.Mediator : null,
            MediatorEntersAt = timeline ? s.Process.MediatorEntersAt : null,
            MediatorEntered = timeline ? s.MediatorEntered : null,
            Parties = timeline ? Parties(s) : null,
            Issues = timeline ? [.. s.Scenario.Issues] : null,
            Stages = timeline ? [.. s.Stages.Values] : null,
            Meetings = timeline ? Meetings(s, contents) : null,
            Venues = timeline ? [.. s.Venues.Values] : null,
            Deadlines = timeline ? [.. s.Deadlines.Values] : null,
            PressureSteps = timeline ? [.. s.PressureSteps] : null,
            Statements = Statements(s, caller),
            Proposals = contents ? [.. s.Proposals.Values] : null,
            Position = OwnPosition(s, caller),
            Disclosures = Disclosures(s, caller),
        };
    }

    /// <summary>Statements the caller may read, oldest first.</summary>
    public static IReadOnlyList<StatementState> Statements(TalksProjection s, Caller caller) =>
        [.. s.Statements.Where(st => st.Public || caller.SeesContents)];

    /// <summary>The caller's own position, or null (everyone but a party; a party without one).</summary>
    public static Position? OwnPosition(TalksProjection s, Caller caller) =>
        caller.Kind == RoleKind.Party ? s.Positions.GetValueOrDefault(caller.Party!) : null;

    /// <summary>A party's own disclosures; every disclosure for the mediator; null for others.</summary>
    public static IReadOnlyList<DisclosureState>? Disclosures(TalksProjection s, Caller caller) => caller.Kind switch
    {
        RoleKind.Party => [.. s.Disclosures.Where(d => d.Party == caller.Party)],
        RoleKind.Mediator => [.. s.Disclosures],
        _ => null,
    };

    /// <summary>
    /// The event as the caller may see it, or null when it may not see it at all (another party's
    /// position, a disclosure it is not party to, contents for observers, anything but public
    /// statements for the public).
    /// </summary>
    public static StoredEvent? Filter(StoredEvent e, Caller caller)
    {
        ArgumentNullException.ThrowIfNull(e);
        ArgumentNullException.ThrowIfNull(caller);
        return e.Event switch
        {
            StatementIssued st => st.Public || caller.SeesContents ? e : null,
            PositionSubmitted p => caller.Kind == RoleKind.Party && p.Party == caller.Party ? e : null,
            DisclosedToMediator d => caller.Kind == RoleKind.Mediator || (caller.Kind == RoleKind.Party && d.Party == caller.Party) ? e : null,
            ProposalTabled or ProposalCountered or ProposalAccepted or ProposalRejected or AgreementSigned => caller.SeesContents ? e : null,
            MeetingHeld held when caller.Kind == RoleKind.Observer => e with { Event = held with { Summary = "" } },
            MeetingCancelled cancelled when caller.Kind == RoleKind.Observer => e with { Event = cancelled with { Reason = "" } },
            _ => caller.SeesTimeline ? e : null,
        };
    }

    private static List<PartyView> Parties(TalksProjection s) =>
        [.. s.Scenario.Parties.Select(p => new PartyView(p.Id, p.Name, p.Roles, [.. p.Negotiators, .. s.Negotiators.Where(n => n.Party == p.Id).Select(n => n.Name)], p.Optional))];

    private static List<MeetingView> Meetings(TalksProjection s, bool contents) =>
        [.. s.Meetings.Values.Select(m =>
        {
            var venue = s.Venues[m.Venue];
            var status = m.Participants.ToDictionary(p => p, p => venue.AcceptedBy.Contains(p) ? "accepted" : venue.RejectedBy.Contains(p) ? "rejected" : "pending", StringComparer.Ordinal);
            return new MeetingView(m.Id, m.Stage, m.Venue, venue.Name, m.Date, m.Status, m.Participants, status, contents ? m.Note : "");
        })];
}
