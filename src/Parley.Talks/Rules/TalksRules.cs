using System.Globalization;
using Parley.Model;
using Parley.Talks.Access;
using Parley.Talks.Ledger;
using Parley.Talks.ReadModel;

namespace Parley.Talks.Rules;

/// <summary>
/// Decides which events a command appends, given the talks' state and the caller, or refuses it:
/// <see cref="ForbiddenException"/> for a role that may not act, <see cref="NotFoundException"/> for
/// what the caller may not see (answered exactly as for what does not exist),
/// <see cref="RuleViolationException"/> naming the rule for a broken rule of the process. Who may act
/// is checked before anything else. Pure: no I/O, no clock (today's date comes in).
/// </summary>
public static partial class TalksRules
{
    /// <summary>Longest accepted free text (notes, reasons, statements, minutes).</summary>
    public const int MaxText = 4000;

    /// <summary>A stage cannot open before every stage in its <c>after</c> list is done.</summary>
    public const string StageOrder = "stage-order";

    /// <summary>The mediator takes part only at the tables of its entry stage and after, once that opened.</summary>
    public const string MediatorEntry = "mediator-entry";

    /// <summary>A meeting cannot be confirmed until every participant accepted its venue.</summary>
    public const string VenueConsensus = "venue-consensus";

    /// <summary>Only a stage's participants act in it.</summary>
    public const string Participants = "participants-only";

    /// <summary>A stage closes as done only when every participant agreed.</summary>
    public const string StageConsensus = "stage-consensus";

    /// <summary>Transitions must follow the life cycle (pending → open → done/failed; proposed → scheduled → held).</summary>
    public const string Lifecycle = "lifecycle";

    /// <summary>A stalled stage takes no proposals, answers or signatures until a pressure step reopens it.</summary>
    public const string Stalled = "stalled";

    /// <summary>Ids must name things that exist; new ids must be new; texts and names are present and bounded.</summary>
    public const string References = "references";

    /// <summary>A deadline needs a name and a date that is not in the talks' past.</summary>
    public const string DeadlineDate = "deadline-date";

    /// <summary>A position must fit the scenario's issues, options, scale and condition syntax.</summary>
    public const string PositionShape = "position-shape";

    /// <summary>An agreement is signed only on an open proposal (not countered, withdrawn or rejected) every participant accepted.</summary>
    public const string AgreementConsensus = "agreement-consensus";

    /// <summary>A party may disclose only what it submitted, and only where the policy lets it.</summary>
    public const string DisclosureScope = "disclosure-scope";

    /// <summary>A blind check, bid or mark uses only the data of parties that consented to it (HTTP 409 naming the party).</summary>
    public const string BlindConsentRule = "blind-consent";

    /// <summary>Blind checks and bidding rounds per stage are capped by <c>confidentiality.check_budget</c> (HTTP 409).</summary>
    public const string CheckBudget = "check-budget";

    /// <summary>Every rule, in the order the docs list them.</summary>
    public static IReadOnlyList<string> All { get; } =
        [StageOrder, MediatorEntry, VenueConsensus, Participants, StageConsensus, Lifecycle, Stalled, References, DeadlineDate, PositionShape, AgreementConsensus, DisclosureScope, BlindConsentRule, CheckBudget];

    internal static IReadOnlyList<TalksEvent> AppointNegotiator(TalksProjection s, Caller c, string? name, string? role)
    {
        var party = ActingParty(c);
        var text = RequireText(name, "name", required: true);
        return [new NegotiatorAppointed(party, text, RequireText(role, "role", required: false))];
    }

    internal static IReadOnlyList<TalksEvent> OpenStage(TalksProjection s, Caller c, string stageId)
    {
        RequireWriter(c);
        var stage = Stage(s, stageId);
        RequireSeat(s, c, stage);
        Require(stage.Status == StageStatus.Pending, Lifecycle, $"stage {stage.Id} is {Lower(stage.Status)}, not pending");
        var missing = stage.After.Where(a => s.Stages.TryGetValue(a, out var before) && before.Status != StageStatus.Done).ToList();
        Require(missing.Count == 0, StageOrder, $"stage {stage.Id} cannot open before {string.Join(", ", missing)} {(missing.Count == 1 ? "is" : "are")} done");
        return [new StageOpened(stage.Id)];
    }

    /// <summary>
    /// Failing a stage: any participant (or the mediator at its table). Closing it as done: each participant
    /// agrees in turn; the last agreement closes it.
    /// </summary>
    internal static IReadOnlyList<TalksEvent> CloseStage(TalksProjection s, Caller c, string stageId, StageStatus outcome, string? reason)
    {
        RequireWriter(c);
        var stage = Stage(s, stageId);
        RequireSeat(s, c, stage);
        Require(outcome is StageStatus.Done or StageStatus.Failed, Lifecycle, "a stage closes as done or failed");
        var why = RequireText(reason, "reason", required: false);
        Require(stage.Status == StageStatus.Open, Lifecycle, $"stage {stage.Id} is {Lower(stage.Status)}, not open");
        if (outcome == StageStatus.Failed)
        {
            return [new StageClosed(stage.Id, outcome, why)];
        }

        Require(c.Kind == RoleKind.Party, StageConsensus, $"stage {stage.Id} closes as done when its participants agree; the mediator cannot agree for them");
        Require(!stage.DoneAgreedBy.Contains(c.Party!), StageConsensus, $"{c.Party} already agreed that stage {stage.Id} succeeded");
        var agreed = new List<TalksEvent> { new StageDoneAgreed(stage.Id, c.Party!, why) };
        if (stage.Participants.All(p => p == c.Party || stage.DoneAgreedBy.Contains(p)))
        {
            // The closing is timeline, the agreements' reasons are stage contents: never copy one into the other.
            agreed.Add(new StageClosed(stage.Id, StageStatus.Done, "every participant agreed"));
        }

        return agreed;
    }

    internal static IReadOnlyList<TalksEvent> ProposeVenue(TalksProjection s, Caller c, string? venueId, string? name)
    {
        RequireWriter(c);
        RequireEntered(s, c);
        var text = RequireText(name, "name", required: true);
        var id = NewId(venueId, "V", s.Venues.Keys);
        var events = new List<TalksEvent> { new VenueProposed(id, text) };
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

    internal static IReadOnlyList<TalksEvent> ProposeMeeting(TalksProjection s, Caller c, string? meetingId, string? stageId, string? venueId, DateOnly? date)
    {
        RequireWriter(c);
        var stage = Stage(s, RequireField(stageId, "stage"));
        RequireSeat(s, c, stage);
        Require(stage.Status is StageStatus.Pending or StageStatus.Open, Lifecycle, $"stage {stage.Id} is {Lower(stage.Status)}");
        Require(s.Venues.ContainsKey(RequireField(venueId, "venue")), References, $"no venue {venueId}");
        return [new MeetingProposed(NewId(meetingId, "M", s.Meetings.Keys), stage.Id, venueId!, date)];
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

    internal static IReadOnlyList<TalksEvent> HoldMeeting(TalksProjection s, Caller c, string meetingId, string? summary)
    {
        var meeting = Meeting(s, c, meetingId, MeetingStatus.Scheduled);
        var text = RequireText(summary, "text", required: false);
        Require(s.Stages[meeting.Stage].Status == StageStatus.Open, Lifecycle, $"stage {meeting.Stage} is not open");
        return [new MeetingHeld(meeting.Id, text)];
    }

    internal static IReadOnlyList<TalksEvent> CancelMeeting(TalksProjection s, Caller c, string meetingId, string? reason)
    {
        var meeting = Meeting(s, c, meetingId, null);
        var text = RequireText(reason, "text", required: false);
        Require(meeting.Status is MeetingStatus.Proposed or MeetingStatus.Scheduled, Lifecycle, $"meeting {meeting.Id} is {Lower(meeting.Status)}");
        return [new MeetingCancelled(meeting.Id, text)];
    }

    /// <summary>A deadline: for a stage, set by one of its participants (or the mediator at its table); for the talks, by any party or the entered mediator.</summary>
    internal static IReadOnlyList<TalksEvent> SetDeadline(TalksProjection s, Caller c, string? deadlineId, string? name, DateOnly? date, string? stageId, DeadlineConsequence consequence, string? note, DateOnly today)
    {
        RequireWriter(c);
        if (stageId is not null)
        {
            var stage = Stage(s, stageId);
            RequireSeat(s, c, stage);
            Require(stage.Status is StageStatus.Pending or StageStatus.Open, Lifecycle, $"stage {stage.Id} is {Lower(stage.Status)}");
        }
        else
        {
            RequireEntered(s, c);
        }

        var text = RequireText(name, "name", required: true);
        Require(date is not null, DeadlineDate, "date: a deadline needs a date (YYYY-MM-DD)");
        Require(date >= today, DeadlineDate, $"date: {date:yyyy-MM-dd} is in the past of the talks (today is {today:yyyy-MM-dd})");
        Require(Enum.IsDefined(consequence), References, "consequence: one of notice, stall, pressure, close-stage");
        Require(consequence != DeadlineConsequence.CloseStage || stageId is not null, References, "a close-stage deadline needs a stage");
        return [new DeadlineSet(NewId(deadlineId, "D", s.Deadlines.Keys), text, date!.Value, stageId, c.Party, consequence, RequireText(note, "note", required: false))];
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

    internal static IReadOnlyList<TalksEvent> TableProposal(TalksProjection s, Caller c, string? stageId, IReadOnlyDictionary<string, string>? package, string? note, string? counterTo)
    {
        RequireWriter(c);
        var author = ProposalSeat(s, c, stageId);
        ProposalState? countered = null;
        if (counterTo is not null)
        {
            countered = VisibleProposal(s, c, counterTo);
            Require(countered.Stage == stageId, References, $"a counter to {counterTo} belongs to stage {countered.Stage ?? "(none)"}");
            Require(OpenForAnswers(countered), Lifecycle, $"proposal {counterTo} was countered, withdrawn or signed");
        }

        ValidatePackage(s, package);
        var text = RequireText(note, "note", required: false);
        var id = ProposalId(s, stageId, c);
        return countered is null
            ? [new ProposalTabled(id, author, stageId, package!, text, null)]
            : [new ProposalCountered(id, author, stageId, package!, text, counterTo!)];
    }

    internal static IReadOnlyList<TalksEvent> AnswerProposal(TalksProjection s, Caller c, string proposalId, bool accept, string? reason)
    {
        var party = ActingParty(c);
        var proposal = VisibleProposal(s, c, proposalId);
        ProposalSeat(s, c, proposal.Stage);
        var text = RequireText(reason, "text", required: false);
        Require(OpenForAnswers(proposal), Lifecycle, $"proposal {proposal.Id} was countered, withdrawn or signed");
        return accept ? [new ProposalAccepted(proposal.Id, party)] : [new ProposalRejected(proposal.Id, party, text)];
    }

    internal static IReadOnlyList<TalksEvent> WithdrawProposal(TalksProjection s, Caller c, string proposalId, string? reason)
    {
        RequireWriter(c);
        var proposal = VisibleProposal(s, c, proposalId);
        Require(proposal.Author == c.Key, Participants, $"only whoever tabled {proposal.Id} may withdraw it");
        var text = RequireText(reason, "text", required: false);
        Require(!proposal.Withdrawn && proposal.SignedBy.Count == 0, Lifecycle, $"proposal {proposal.Id} is already {(proposal.Withdrawn ? "withdrawn" : "signed")}");
        return [new ProposalWithdrawn(proposal.Id, text)];
    }

    internal static IReadOnlyList<TalksEvent> SignAgreement(TalksProjection s, Caller c, string proposalId)
    {
        var party = ActingParty(c);
        var proposal = VisibleProposal(s, c, proposalId);
        ProposalSeat(s, c, proposal.Stage);
        Require(proposal.CounteredBy.Count == 0, AgreementConsensus, $"proposal {proposal.Id} was countered by {string.Join(", ", proposal.CounteredBy)}");
        Require(!proposal.Withdrawn, AgreementConsensus, $"proposal {proposal.Id} was withdrawn");
        Require(proposal.RejectedBy.Count == 0, AgreementConsensus, $"proposal {proposal.Id} is rejected by {string.Join(", ", proposal.RejectedBy)}");
        var needed = Signatories(s, proposal);
        Require(needed.Contains(party), Participants, $"{party} is not a party to proposal {proposal.Id}");
        var missing = needed.Where(p => p != proposal.Party && !proposal.AcceptedBy.Contains(p)).ToList();
        Require(missing.Count == 0, AgreementConsensus, $"proposal {proposal.Id} is not accepted by {string.Join(", ", missing)}");
        Require(!proposal.SignedBy.Contains(party), Lifecycle, $"{party} already signed {proposal.Id}");
        return [new AgreementSigned(proposal.Id, party)];
    }

    internal static IReadOnlyList<TalksEvent> IssueStatement(TalksProjection s, Caller c, string? text, bool isPublic, string? stageId = null)
    {
        RequireWriter(c);
        if (stageId is not null)
        {
            Require(!isPublic, References, "stage: only a private statement is for one stage's participants");
            RequireSeat(s, c, Stage(s, stageId));
        }

        var body = RequireText(text, "text", required: true);
        var who = Who(c);
        var scope = isPublic ? $"{who}.ST" : $"{stageId ?? "T"}.{who}.PS";
        var n = s.Statements.Count(st => st.Author == c.Key && st.Public == isPublic && st.Stage == stageId) + 1;
        return [new StatementIssued(scope + n.ToString(CultureInfo.InvariantCulture), c.Party, body, isPublic, stageId)];
    }

    internal static IReadOnlyList<TalksEvent> SubmitPosition(TalksProjection s, Caller c, Position? position)
    {
        var party = ActingParty(c);
        Require(position is not null, PositionShape, "position: a JSON object is required");
        Positions.Validate(s.Scenario, position!);
        return [new PositionSubmitted(party, position!)];
    }

    internal static IReadOnlyList<TalksEvent> Disclose(TalksProjection s, Caller c, bool weights, bool scores, bool reservation, IReadOnlyList<string>? redLines, string? note)
    {
        var party = ActingParty(c);
        Require(s.Process.Confidentiality.DisclosureTo != Visibility.Private, DisclosureScope, "these talks allow no disclosure (confidentiality.disclosure_to: private)");
        var position = s.Positions.GetValueOrDefault(party);
        Require(position is not null || (!weights && !scores && !reservation && (redLines is null || redLines.Count == 0)),
            DisclosureScope, "submit a position before disclosing parts of it");
        List<PositionRedLine>? lines = null;
        if (redLines is { Count: > 0 })
        {
            lines = [];
            for (var i = 0; i < redLines.Count; i++)
            {
                var id = redLines[i];
                Require(id is not null, DisclosureScope, $"redLines[{i}]: a red line id is required, not null");
                var line = position!.RedLines.FirstOrDefault(r => r.Id == id);
                Require(line is not null, DisclosureScope, $"redLines[{i}]: your position has no red line '{id}'");
                lines.Add(line!);
            }
        }

        var text = RequireText(note, "note", required: false);
        Require(weights || scores || reservation || lines is not null || text.Length > 0, DisclosureScope, "nothing to disclose");
        var disclosure = new Disclosure(
            weights ? position!.Weights : null,
            scores ? position!.Scores : null,
            reservation ? position!.Reservation : null,
            lines,
            text);
        return [new DisclosedToMediator(party, disclosure)];
    }

    /// <summary>The parties whose signatures make a proposal an agreement: its stage's participants, or every non-optional party.</summary>
    internal static IReadOnlyList<string> Signatories(TalksProjection s, ProposalState proposal) =>
        proposal.Stage is { } st ? s.MeetingParticipants(st) : [.. s.Scenario.Parties.Where(p => !p.Optional).Select(p => p.Id)];

    /// <summary>Observers, the organiser and the public never write to the talks; checked before anything else.</summary>
    internal static void RequireWriter(Caller c)
    {
        if (c.Kind is not (RoleKind.Party or RoleKind.Mediator) || (c.Kind == RoleKind.Party && c.Party is null))
        {
            throw new ForbiddenException("only a party delegation or the mediator may do this");
        }
    }

    private static string ActingParty(Caller c)
    {
        RequireWriter(c);
        return c.Kind == RoleKind.Party ? c.Party! : throw new ForbiddenException("only a party delegation may do this");
    }

    /// <summary>The mediator acts only once its entry stage opened.</summary>
    private static void RequireEntered(TalksProjection s, Caller c) =>
        Require(c.Kind != RoleKind.Mediator || VisibilityPolicy.MediatorAtTable(s, null), MediatorEntry,
            $"the mediator takes part only from stage {s.Process.MediatorEntersAt}, which has not opened");

    /// <summary>A participant of the stage, or the mediator at its table.</summary>
    private static void RequireSeat(TalksProjection s, Caller c, StageState stage)
    {
        if (c.Kind == RoleKind.Mediator)
        {
            RequireEntered(s, c);
            Require(VisibilityPolicy.MediatorAtTable(s, stage.Id), MediatorEntry, $"the mediator is not at the table in stage {stage.Id}");
        }
        else
        {
            Require(stage.Participants.Contains(c.Party!), Participants, $"{c.Party} is not a participant of stage {stage.Id}");
        }
    }

    /// <summary>Who tables/answers in a stage (null: the talks as a whole): a seat at an open, unstalled table.</summary>
    private static string? ProposalSeat(TalksProjection s, Caller c, string? stageId)
    {
        if (stageId is null)
        {
            RequireEntered(s, c);
            return c.Party;
        }

        var stage = Stage(s, stageId);
        RequireSeat(s, c, stage);
        Require(stage.Status == StageStatus.Open, Lifecycle, $"stage {stage.Id} is {Lower(stage.Status)}, not open");
        Require(!stage.Stalled, Stalled, $"stage {stage.Id} is stalled ({(stage.Note.Length > 0 ? stage.Note : "a deadline passed")}) until a pressure step reopens it");
        return c.Party;
    }

    private static MeetingState Meeting(TalksProjection s, Caller c, string meetingId, MeetingStatus? status)
    {
        RequireWriter(c);
        var meeting = s.Meetings.GetValueOrDefault(meetingId) ?? throw new NotFoundException($"no meeting {meetingId}");
        RequireSeat(s, c, s.Stages[meeting.Stage]);
        if (status is { } expected)
        {
            Require(meeting.Status == expected, Lifecycle, $"meeting {meeting.Id} is {Lower(meeting.Status)}, not {Lower(expected)}");
        }

        return meeting;
    }

    private static StageState Stage(TalksProjection s, string stageId) =>
        s.Stages.GetValueOrDefault(stageId) ?? throw new RuleViolationException(References, $"no stage {stageId}");

    /// <summary>The proposal, when the caller may see it; else the same 404 as for an id that does not exist.</summary>
    private static ProposalState VisibleProposal(TalksProjection s, Caller c, string id) =>
        s.Proposals.GetValueOrDefault(id) is { } p && VisibilityPolicy.SeesContents(s, c, p.Stage, p.Author)
            ? p
            : throw new NotFoundException($"no proposal {Shown(id)}");

    private static bool OpenForAnswers(ProposalState p) => p.CounteredBy.Count == 0 && !p.Withdrawn && p.SignedBy.Count == 0;

    /// <summary>
    /// A proposal id that counts only its author's proposals in that stage: everyone who sees one of
    /// them sees all of them, so the number reveals nothing hidden.
    /// </summary>
    private static string ProposalId(TalksProjection s, string? stageId, Caller c)
    {
        var n = s.Proposals.Values.Count(p => p.Stage == stageId && p.Author == c.Key) + 1;
        return $"{stageId ?? "T"}.{Who(c)}.P{n.ToString(CultureInfo.InvariantCulture)}";
    }

    private static string Who(Caller c) => c.Kind == RoleKind.Mediator ? "mediator" : c.Party!;

    private static void ValidatePackage(TalksProjection s, IReadOnlyDictionary<string, string>? package)
    {
        Require(package is { Count: > 0 }, References, "package: a proposal needs at least one issue");
        foreach (var (issueId, optionId) in package!)
        {
            var issue = s.Scenario.FindIssue(issueId);
            Require(issue is not null, References, $"package: no issue '{Shown(issueId)}'");
            Require(optionId is not null && issue!.OptionIndex(optionId) >= 0, References, $"package.{issueId}: no option '{Shown(optionId ?? "null")}'");
        }
    }

    private static string NewId(string? requested, string prefix, IEnumerable<string> existing)
    {
        var taken = existing.ToHashSet(StringComparer.Ordinal);
        if (requested is not null)
        {
            Require(requested.Length is > 0 and <= 64 && requested.All(ch => char.IsAsciiLetterOrDigit(ch) || ch is '-' or '_' or '.'),
                References, "id: 1–64 letters, digits, '-', '_' or '.'");
            Require(!taken.Contains(requested), References, $"id: '{requested}' already exists");
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

    private static string RequireField(string? value, string field)
    {
        Require(!string.IsNullOrWhiteSpace(value), References, $"{field}: required");
        return value!;
    }

    /// <summary>A trimmed text of at most <see cref="MaxText"/> characters; a required one must not be blank.</summary>
    private static string RequireText(string? value, string field, bool required)
    {
        var text = (value ?? "").Trim();
        Require(!required || text.Length > 0, References, $"{field}: required");
        Require(text.Length <= MaxText, References, $"{field}: at most {MaxText} characters");
        return text;
    }

    /// <summary>An id echoed in an error, cut so an oversized one is not echoed back whole.</summary>
    private static string Shown(string id) => id.Length <= 64 ? id : id[..64] + "…";

    private static string Lower<T>(T value)
        where T : struct, Enum => value.ToString().ToLowerInvariant();

    /// <summary>Refuses with <paramref name="rule"/> unless <paramref name="condition"/> holds (HTTP <paramref name="status"/>: 422, or 409 when the talks' state refuses it).</summary>
    internal static void Require(bool condition, string rule, string message, int status = 422)
    {
        if (!condition)
        {
            throw new RuleViolationException(rule, message, status);
        }
    }
}
