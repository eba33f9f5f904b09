using Parley.Model;
using Parley.Talks.Ledger;
using Parley.Talks.ReadModel;

namespace Parley.Talks.Access;

/// <summary>
/// The one visibility policy of a talks, from its scenario's <c>process.confidentiality</c>. Every
/// read path (overview, lists, events, live feed, export, analysis, UI) asks it; nothing else decides
/// who sees what. Pure: it reads the projection and the caller only.
/// <list type="bullet">
/// <item><b>timeline</b> (stages, meetings, venues, deadlines, negotiators): every token holder, not the public;</item>
/// <item><b>stage contents</b> (proposals, counters, answers and reasons, signatures, withdrawals, agreements to close,
/// meeting minutes, private statements) at the <c>contents</c> level;</item>
/// <item><b>public statements</b> at the <c>statements</c> level; <b>positions</b> at the <c>positions</c> level;
/// <b>disclosures</b> at the <c>disclosure_to</c> level; <b>token events</b>: the organiser only;</item>
/// <item><b>the mediator's desk</b>: a consent to its party and the mediator; a blind check to its asker and the parties
/// checked; a bidding round and its result to its bidders and as stage contents by its opener; a bid or a mark to its
/// author only; a single text to the mediator and the stage's participants (and as stage contents).</item>
/// </list>
/// A level reaches: <c>public</c> everyone; <c>participants</c> the parties sitting in the item's stage (every
/// party for an item of the talks as a whole) and the mediator once it sits at that table (its entry stage has
/// opened and the stage is its entry stage or comes after it); <c>mediator</c> the mediator; <c>private</c>
/// nobody else. The author of an item always sees it.
/// </summary>
public static class VisibilityPolicy
{
    /// <summary>What a caller gets of one event.</summary>
    public enum Sight
    {
        /// <summary>Nothing: the event does not exist for it.</summary>
        Hidden,

        /// <summary>The fact without its contents (<see cref="Redact"/>).</summary>
        Redacted,

        /// <summary>The whole event.</summary>
        Shown,
    }

    /// <summary>Every caller a talks can have, in a fixed order: each party, the mediator (if any), observer, organiser, public.</summary>
    public static IReadOnlyList<Caller> Audiences(TalksProjection s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var list = s.Scenario.Parties.Select(p => Caller.OfParty(p.Id)).ToList();
        if (s.Process.Mediator is not null)
        {
            list.Add(Caller.Mediator);
        }

        list.AddRange([Caller.Observer, Caller.Organiser, Caller.Public]);
        return list;
    }

    /// <summary>True when the caller holds a role that exists in these talks (a party of the scenario; a declared mediator).</summary>
    public static bool Exists(TalksProjection s, Caller c)
    {
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(c);
        return c.Kind switch
        {
            RoleKind.Party => s.Scenario.FindParty(c.Party ?? "") is not null,
            RoleKind.Mediator => s.Process.Mediator is not null,
            _ => true,
        };
    }

    /// <summary>Stages, meetings (without minutes), venues, deadlines, negotiators: every token holder.</summary>
    public static bool SeesTimeline(Caller c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return c.Kind != RoleKind.Public && !c.IsSystem;
    }

    /// <summary>Stage contents by <paramref name="author"/> in <paramref name="stage"/> (null: the talks as a whole).</summary>
    public static bool SeesContents(TalksProjection s, Caller c, string? stage, string author)
    {
        ArgumentNullException.ThrowIfNull(s);
        return Reaches(s, c, s.Process.Confidentiality.Contents, stage, author);
    }

    /// <summary>A statement: public ones at the <c>statements</c> level; private ones as stage contents, never beyond participants.</summary>
    public static bool SeesStatement(TalksProjection s, Caller c, StatementState statement)
    {
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(statement);
        return statement.Public
            ? Reaches(s, c, s.Process.Confidentiality.Statements, null, statement.Author)
            : Reaches(s, c, PrivateStatementLevel(s.Process.Confidentiality), statement.Stage, statement.Author);
    }

    /// <summary>A party's position (weights, scores, reservation value, red lines).</summary>
    public static bool SeesPosition(TalksProjection s, Caller c, string party)
    {
        ArgumentNullException.ThrowIfNull(s);
        return Reaches(s, c, s.Process.Confidentiality.Positions, null, "party:" + party);
    }

    /// <summary>A party's disclosures.</summary>
    public static bool SeesDisclosure(TalksProjection s, Caller c, string party)
    {
        ArgumentNullException.ThrowIfNull(s);
        return Reaches(s, c, s.Process.Confidentiality.DisclosureTo, null, "party:" + party);
    }

    /// <summary>True when the mediator sits at the table of <paramref name="stage"/> (null: the talks as a whole).</summary>
    public static bool MediatorAtTable(TalksProjection s, string? stage)
    {
        ArgumentNullException.ThrowIfNull(s);
        return s.Process.Mediator is not null && s.MediatorEntered && (stage is null || FromEntry(s, stage));
    }

    /// <summary>What <paramref name="c"/> gets of the stored event (the projection must hold it already).</summary>
    public static Sight Of(TalksProjection s, StoredEvent e, Caller c)
    {
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(e);
        ArgumentNullException.ThrowIfNull(c);
        var actor = Caller.NormalizeActor(e.Actor);
        if (c.IsSystem)
        {
            return Sight.Hidden;
        }

        bool Contents(string? stage, string author) => actor == c.Key || SeesContents(s, c, stage, author);
        bool Proposal(string id) => s.Proposals.TryGetValue(id, out var p) && Contents(p.Stage, p.Author);
        var shown = e.Event switch
        {
            ProposalTabled p => Proposal(p.Proposal),
            ProposalCountered p => Proposal(p.Proposal),
            ProposalAccepted p => Proposal(p.Proposal),
            ProposalRejected p => Proposal(p.Proposal),
            ProposalWithdrawn p => Proposal(p.Proposal),
            AgreementSigned p => Proposal(p.Proposal),
            StageDoneAgreed d => Contents(d.Stage, actor),
            StatementIssued st => actor == c.Key || SeesStatement(s, c, new StatementState(st.Statement, st.Party, "", st.Public, e.At, st.Stage, actor)),
            PositionSubmitted p => SeesPosition(s, c, p.Party),
            DisclosedToMediator d => SeesDisclosure(s, c, d.Party),
            TokenIssued or TokenRevoked => c.Kind == RoleKind.Organiser,
            BlindConsentSet b => c.Key == "party:" + b.Party || (c.Kind == RoleKind.Mediator && s.Process.Mediator is not null),
            BlindCheckMade b => SeesCheck(c, actor, b.Parties),
            BidRoundOpened b => SeesRound(s, c, b.Round),
            BidRoundSettled b => SeesRound(s, c, b.Round),
            BidSubmitted or SingleTextMarked => actor == c.Key,
            SingleTextTabled t => SeesSingleText(s, c, t.Stage),
            SingleTextSubmitted t => SeesSingleText(s, c, t.Stage),
            _ => SeesTimeline(c),
        };
        if (!shown)
        {
            return Sight.Hidden;
        }

        return e.Event switch
        {
            MeetingHeld h when !Contents(s.Meetings[h.Meeting].Stage, actor) => Sight.Redacted,
            MeetingCancelled m when !Contents(s.Meetings[m.Meeting].Stage, actor) => Sight.Redacted,
            _ => Sight.Shown,
        };
    }

    /// <summary>A blind check: its asker and the parties whose data it used.</summary>
    public static bool SeesCheck(Caller c, string asker, IReadOnlyList<string> parties)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(parties);
        return asker == c.Key || (c.Kind == RoleKind.Party && parties.Contains(c.Party!));
    }

    /// <summary>A bidding round (its opening and result; never a bid): as stage contents by its opener.</summary>
    public static bool SeesRound(TalksProjection s, Caller c, string round)
    {
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(c);
        return s.Blind.Rounds.TryGetValue(round, out var r)
            && (r.Opener == c.Key || (c.Kind == RoleKind.Party && r.Spec.Bidders.Contains(c.Party!)) || SeesContents(s, c, r.Stage, r.Opener));
    }

    /// <summary>A stage's single text: the mediator who tables it and the participants who mark it, and whom the contents level reaches.</summary>
    public static bool SeesSingleText(TalksProjection s, Caller c, string stage)
    {
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(c);
        return c.Key == Caller.Mediator.Key
            || (c.Kind == RoleKind.Party && s.MeetingParticipants(stage).Contains(c.Party!))
            || SeesContents(s, c, stage, Caller.Mediator.Key);
    }

    /// <summary>The fact of an event without its contents (meeting minutes and cancellation reasons blanked).</summary>
    public static TalksEvent Redact(TalksEvent e) => e switch
    {
        MeetingHeld held => held with { Summary = "" },
        MeetingCancelled cancelled => cancelled with { Reason = "" },
        _ => e,
    };

    /// <summary>A meeting's minutes or cancellation reason.</summary>
    public static bool SeesMinutes(TalksProjection s, Caller c, MeetingState meeting)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        return meeting.NoteBy is { } author && SeesContents(s, c, meeting.Stage, author);
    }

    /// <summary>The level of private statements: the contents level, but never wider than the participants.</summary>
    internal static Visibility PrivateStatementLevel(Confidentiality policy) =>
        policy.Contents == Visibility.Public ? Visibility.Participants : policy.Contents;

    /// <summary>Does a level reach the caller for an item of <paramref name="stage"/> by <paramref name="author"/>?</summary>
    internal static bool Reaches(TalksProjection s, Caller c, Visibility level, string? stage, string author)
    {
        if (c.IsSystem)
        {
            return false;
        }

        if (level == Visibility.Public || c.Key == author)
        {
            return true;
        }

        return (level, c.Kind) switch
        {
            (Visibility.Participants, RoleKind.Party) => stage is null || (s.Stages.TryGetValue(stage, out var st) && st.Participants.Contains(c.Party!)),
            (Visibility.Participants, RoleKind.Mediator) => MediatorAtTable(s, stage),
            (Visibility.Mediator, RoleKind.Mediator) => s.Process.Mediator is not null,
            _ => false,
        };
    }

    /// <summary>True when <paramref name="stage"/> is the mediator's entry stage or comes after it (through <c>after</c>).</summary>
    private static bool FromEntry(TalksProjection s, string stage)
    {
        if (s.Process.MediatorEntersAt is not { } entry)
        {
            return true;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var todo = new Stack<string>([stage]);
        while (todo.Count > 0)
        {
            var next = todo.Pop();
            if (next == entry)
            {
                return true;
            }

            if (seen.Add(next) && s.Stages.TryGetValue(next, out var st))
            {
                foreach (var before in st.After)
                {
                    todo.Push(before);
                }
            }
        }

        return false;
    }
}
