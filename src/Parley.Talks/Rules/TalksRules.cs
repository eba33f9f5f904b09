using System.Globalization;
using Parley.Model;
using Parley.Talks.Access;
using Parley.Talks.Ledger;
using Parley.Talks.ReadModel;

namespace Parley.Talks.Rules;

/// <summary>
/// Decides which events a command appends, given the talks' state and the caller, or refuses it:
/// <see cref="ForbiddenException"/> for a role that may not act, <see cref="RuleViolationException"/>
/// naming the rule for a broken rule of the process. Pure: no I/O, no clock (time comes in).
/// </summary>
public static class TalksRules
{
    /// <summary>A stage cannot open before every stage in its <c>after</c> list is done.</summary>
    public const string StageOrder = "stage-order";

    /// <summary>The mediator takes no part (proposals, meetings) before its entry stage opened.</summary>
    public const string MediatorEntry = "mediator-entry";

    /// <summary>A meeting cannot be confirmed until every participant accepted its venue.</summary>
    public const string VenueConsensus = "venue-consensus";

    /// <summary>Only a stage's participants act in it.</summary>
    public const string Participants = "participants-only";

    /// <summary>Transitions must follow the life cycle (pending → open → done/failed; proposed → scheduled → held).</summary>
    public const string Lifecycle = "lifecycle";

    /// <summary>Ids must name things that exist; new ids must be new.</summary>
    public const string References = "references";

    /// <summary>A position must fit the scenario's issues, options, scale and condition syntax.</summary>
    public const string PositionShape = "position-shape";

    /// <summary>An agreement is signed only on a proposal every participant of its stage accepted.</summary>
    public const string AgreementConsensus = "agreement-consensus";

    /// <summary>A party may disclose only what it submitted.</summary>
    public const string DisclosureScope = "disclosure-scope";

    internal static IReadOnlyList<TalksEvent> AppointNegotiator(TalksProjection s, Caller c, string name, string role)
    {
        var party = ActingParty(c);
        Require(!string.IsNullOrWhiteSpace(name), References, "a negotiator needs a name");
        return [new NegotiatorAppointed(party, name.Trim(), role.Trim())];
    }

    internal static IReadOnlyList<TalksEvent> OpenStage(TalksProjection s, Caller c, string stageId)
    {
        var stage = Stage(s, stageId);
        RequireStageActor(s, c, stage);
        Require(stage.Status == StageStatus.Pending, Lifecycle, $"stage {stage.Id} is {Lower(stage.Status)}, not pending");
        var missing = stage.After.Where(a => s.Stages.TryGetValue(a, out var before) && before.Status != StageStatus.Done).ToList();
        Require(missing.Count == 0, StageOrder, $"stage {stage.Id} cannot open before {string.Join(", ", missing)} {(missing.Count == 1 ? "is" : "are")} done");
        return [new StageOpened(stage.Id)];
    }

    internal static IReadOnlyList<TalksEvent> CloseStage(TalksProjection s, Caller c, string stageId, StageStatus outcome, string reason)
    {
        var stage = Stage(s, stageId);
        RequireStageActor(s, c, stage);
        Require(outcome is StageStatus.Done or StageStatus.Failed, Lifecycle, "a stage closes as done or failed");
        Require(stage.Status == StageStatus.Open, Lifecycle, $"stage {stage.Id} is {Lower(stage.Status)}, not open");
        return [new StageClosed(stage.Id, outcome, reason.Trim())];
    }

    internal static IReadOnlyList<TalksEvent> ProposeVenue(TalksProjection s, Caller c, string? venueId, string name)
    {
        RequireActor(c);
        Require(!string.IsNullOrWhiteSpace(name), References, "a venue needs a name");
        var id = NewId(venueId, "V", s.Venues.Keys);
        var events = new List<TalksEvent> { new VenueProposed(id, name.Trim()) };
        if (c.Kind == RoleKind.Party)
        {
            // Proposing a venue is accepting it.
            events.Add(new VenueAccepted(id, c.Party!));
        }

        return events;
    }

    internal static IReadOnlyList<TalksEvent> AnswerVenue(TalksProjection s, Caller c, string venueId, bool accept)
    {
        var party = ActingParty(c);
        Require(s.Venues.ContainsKey(venueId), References, $"no venue {venueId}");
        return accept ? [new VenueAccepted(venueId, party)] : [new VenueRejected(venueId, party)];
    }

    internal static IReadOnlyList<TalksEvent> ProposeMeeting(TalksProjection s, Caller c, string? meetingId, string stageId, string venueId, DateOnly? date)
    {
        var stage = Stage(s, stageId);
        RequireStageActor(s, c, stage);
        Require(stage.Status is StageStatus.Pending or StageStatus.Open, Lifecycle, $"stage {stage.Id} is {Lower(stage.Status)}");
        Require(s.Venues.ContainsKey(venueId), References, $"no venue {venueId}");
        return [new MeetingProposed(NewId(meetingId, "M", s.Meetings.Keys), stage.Id, venueId, date)];
    }

    internal static IReadOnlyList<TalksEvent> ScheduleMeeting(TalksProjection s, Caller c, string meetingId)
    {
        var meeting = Meeting(s, c, meetingId, MeetingStatus.Proposed);
        var venue = s.Venues[meeting.Venue];
        var pending = meeting.Participants.Where(p => !venue.AcceptedBy.Contains(p)).ToList();
        Require(pending.Count == 0, VenueConsensus,
            $"meeting {meeting.Id} cannot be confirmed: {string.Join(", ", pending)} {(pending.Count == 1 ? "has" : "have")} not accepted venue {venue.Id} ({venue.Name})");
        return [new MeetingScheduled(meeting.Id)];
    }

    internal static IReadOnlyList<TalksEvent> HoldMeeting(TalksProjection s, Caller c, string meetingId, string summary)
    {
        var meeting = Meeting(s, c, meetingId, MeetingStatus.Scheduled);
        Require(s.Stages[meeting.Stage].Status == StageStatus.Open, Lifecycle, $"stage {meeting.Stage} is not open");
        return [new MeetingHeld(meeting.Id, summary.Trim())];
    }

    internal static IReadOnlyList<TalksEvent> CancelMeeting(TalksProjection s, Caller c, string meetingId, string reason)
    {
        var meeting = Meeting(s, c, meetingId, null);
        Require(meeting.Status is MeetingStatus.Proposed or MeetingStatus.Scheduled, Lifecycle, $"meeting {meeting.Id} is {Lower(meeting.Status)}");
        return [new MeetingCancelled(meeting.Id, reason.Trim())];
    }

    internal static IReadOnlyList<TalksEvent> SetDeadline(TalksProjection s, Caller c, string? deadlineId, string name, DateOnly date, string? stageId, DeadlineConsequence consequence, string note)
    {
        RequireActor(c);
        if (stageId is not null)
        {
            Stage(s, stageId);
        }

        Require(consequence != DeadlineConsequence.CloseStage || stageId is not null, References, "a close-stage deadline needs a stage");
        return [new DeadlineSet(NewId(deadlineId, "D", s.Deadlines.Keys), name.Trim(), date, stageId, c.Party, consequence, note.Trim())];
    }

    /// <summary>The events an expired deadline appends (its consequence), or none when it already expired.</summary>
    internal static IReadOnlyList<TalksEvent> ExpireDeadline(TalksProjection s, DeadlineState deadline)
    {
        if (deadline.Expired)
        {
            return [];
        }

        var events = new List<TalksEvent> { new DeadlineExpired(deadline.Id, deadline.Consequence) };
        if (deadline.Consequence == DeadlineConsequence.CloseStage && deadline.Stage is { } stage
            && s.Stages.TryGetValue(stage, out var st) && st.Status is StageStatus.Open or StageStatus.Pending)
        {
            if (st.Status == StageStatus.Pending)
            {
                events.Add(new StageOpened(stage));
            }

            events.Add(new StageClosed(stage, StageStatus.Failed, $"deadline {deadline.Id} expired"));
        }

        return events;
    }

    internal static IReadOnlyList<TalksEvent> TableProposal(TalksProjection s, Caller c, string? proposalId, string? stageId, IReadOnlyDictionary<string, string> package, string note, string? counterTo)
    {
        var actor = ProposalActor(s, c, stageId);
        ValidatePackage(s, package);
        var id = NewId(proposalId, "P", s.Proposals.Keys);
        if (counterTo is null)
        {
            return [new ProposalTabled(id, actor, stageId, package, note.Trim(), null)];
        }

        var countered = OpenProposal(s, counterTo);
        Require(countered.Stage == stageId, References, $"a counter to {counterTo} belongs to stage {countered.Stage ?? "(none)"}");
        return [new ProposalCountered(id, actor, stageId, package, note.Trim(), counterTo)];
    }

    internal static IReadOnlyList<TalksEvent> AnswerProposal(TalksProjection s, Caller c, string proposalId, bool accept, string reason)
    {
        var proposal = OpenProposal(s, proposalId);
        var party = ProposalActor(s, c, proposal.Stage);
        return accept ? [new ProposalAccepted(proposal.Id, party)] : [new ProposalRejected(proposal.Id, party, reason.Trim())];
    }

    internal static IReadOnlyList<TalksEvent> SignAgreement(TalksProjection s, Caller c, string proposalId)
    {
        var proposal = Proposal(s, proposalId);
        var party = ProposalActor(s, c, proposal.Stage);
        var needed = proposal.Stage is { } st ? s.MeetingParticipants(st) : s.Scenario.Parties.Where(p => !p.Optional).Select(p => p.Id).ToList();
        var missing = needed.Where(p => p != proposal.Party && !proposal.AcceptedBy.Contains(p)).ToList();
        Require(missing.Count == 0, AgreementConsensus, $"proposal {proposal.Id} is not accepted by {string.Join(", ", missing)}");
        Require(!proposal.SignedBy.Contains(party), Lifecycle, $"{party} already signed {proposal.Id}");
        return [new AgreementSigned(proposal.Id, party)];
    }

    internal static IReadOnlyList<TalksEvent> IssueStatement(TalksProjection s, Caller c, string text, bool isPublic)
    {
        RequireActor(c);
        Require(!string.IsNullOrWhiteSpace(text), References, "a statement needs text");
        var id = "ST" + (s.Statements.Count + 1).ToString(CultureInfo.InvariantCulture);
        return [new StatementIssued(id, c.Party!, text.Trim(), isPublic)];
    }

    internal static IReadOnlyList<TalksEvent> SubmitPosition(TalksProjection s, Caller c, Position position)
    {
        var party = ActingParty(c);
        Positions.Validate(s.Scenario, position);
        return [new PositionSubmitted(party, position)];
    }

    internal static IReadOnlyList<TalksEvent> Disclose(TalksProjection s, Caller c, bool weights, bool scores, bool reservation, IReadOnlyList<string>? redLines, string note)
    {
        var party = ActingParty(c);
        var position = s.Positions.GetValueOrDefault(party);
        Require(position is not null || (!weights && !scores && !reservation && (redLines is null || redLines.Count == 0)),
            DisclosureScope, "submit a position before disclosing parts of it");
        List<PositionRedLine>? lines = null;
        if (redLines is { Count: > 0 })
        {
            lines = [];
            foreach (var id in redLines)
            {
                var line = position!.RedLines.FirstOrDefault(r => r.Id == id);
                Require(line is not null, DisclosureScope, $"your position has no red line '{id}'");
                lines.Add(line!);
            }
        }

        Require(weights || scores || reservation || lines is not null || !string.IsNullOrWhiteSpace(note), DisclosureScope, "nothing to disclose");
        var disclosure = new Disclosure(
            weights ? position!.Weights : null,
            scores ? position!.Scores : null,
            reservation ? position!.Reservation : null,
            lines,
            note.Trim());
        return [new DisclosedToMediator(party, disclosure)];
    }

    private static string ActingParty(Caller c) =>
        c.Kind == RoleKind.Party ? c.Party! : throw new ForbiddenException("only a party delegation may do this");

    private static void RequireActor(Caller c)
    {
        if (!c.SeesContents || c.Party is null)
        {
            throw new ForbiddenException("only a party delegation or the mediator may do this");
        }
    }

    /// <summary>The mediator, or a party at the stage's table.</summary>
    private static void RequireStageActor(TalksProjection s, Caller c, StageState stage)
    {
        RequireActor(c);
        if (c.Kind == RoleKind.Party)
        {
            Require(stage.Participants.Contains(c.Party!), Participants, $"{c.Party} is not a participant of stage {stage.Id}");
        }
    }

    /// <summary>Who tables/answers in a stage: one of its participants at the table; the mediator only once it entered.</summary>
    private static string ProposalActor(TalksProjection s, Caller c, string? stageId)
    {
        RequireActor(c);
        if (c.Kind == RoleKind.Mediator)
        {
            Require(s.MediatorEntered, MediatorEntry,
                $"the mediator takes part only from stage {s.Process.MediatorEntersAt}, which has not opened");
        }

        if (stageId is not null)
        {
            var stage = Stage(s, stageId);
            Require(stage.Status == StageStatus.Open, Lifecycle, $"stage {stage.Id} is {Lower(stage.Status)}, not open");
            if (c.Kind == RoleKind.Mediator)
            {
                Require(stage.Participants.Contains(c.Party!), MediatorEntry, $"the mediator is not at the table in stage {stage.Id}");
            }
            else
            {
                Require(stage.Participants.Contains(c.Party!), Participants, $"{c.Party} is not a participant of stage {stage.Id}");
            }
        }

        return c.Party!;
    }

    private static MeetingState Meeting(TalksProjection s, Caller c, string meetingId, MeetingStatus? status)
    {
        var meeting = s.Meetings.GetValueOrDefault(meetingId) ?? throw new RuleViolationException(References, $"no meeting {meetingId}");
        RequireStageActor(s, c, s.Stages[meeting.Stage]);
        if (status is { } expected)
        {
            Require(meeting.Status == expected, Lifecycle, $"meeting {meeting.Id} is {Lower(meeting.Status)}, not {Lower(expected)}");
        }

        return meeting;
    }

    private static StageState Stage(TalksProjection s, string stageId) =>
        s.Stages.GetValueOrDefault(stageId) ?? throw new RuleViolationException(References, $"no stage {stageId}");

    private static ProposalState Proposal(TalksProjection s, string id) =>
        s.Proposals.GetValueOrDefault(id) ?? throw new RuleViolationException(References, $"no proposal {id}");

    private static ProposalState OpenProposal(TalksProjection s, string id)
    {
        var p = Proposal(s, id);
        Require(p.CounteredBy.Count == 0 && p.SignedBy.Count == 0, Lifecycle, $"proposal {id} was countered or signed");
        return p;
    }

    private static void ValidatePackage(TalksProjection s, IReadOnlyDictionary<string, string> package)
    {
        Require(package.Count > 0, References, "a proposal needs at least one issue");
        foreach (var (issueId, optionId) in package)
        {
            var issue = s.Scenario.FindIssue(issueId);
            Require(issue is not null, References, $"package: no issue '{issueId}'");
            Require(issue!.OptionIndex(optionId) >= 0, References, $"package.{issueId}: no option '{optionId}'");
        }
    }

    private static string NewId(string? requested, string prefix, IEnumerable<string> existing)
    {
        var taken = existing.ToHashSet(StringComparer.Ordinal);
        if (requested is not null)
        {
            Require(requested.Length is > 0 and <= 64 && requested.All(ch => char.IsAsciiLetterOrDigit(ch) || ch is '-' or '_' or '.'),
                References, "ids are 1–64 letters, digits, '-', '_' or '.'");
            Require(!taken.Contains(requested), References, $"'{requested}' already exists");
            return requested;
        }

        for (var n = taken.Count + 1; ; n++)
        {
            var id = prefix + n.ToString(CultureInfo.InvariantCulture);
            if (!taken.Contains(id))
            {
                return id;
            }
        }
    }

    private static string Lower<T>(T value)
        where T : struct, Enum => value.ToString().ToLowerInvariant();

    internal static void Require(bool condition, string rule, string message)
    {
        if (!condition)
        {
            throw new RuleViolationException(rule, message);
        }
    }
}
