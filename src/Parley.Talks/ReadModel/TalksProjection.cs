using Parley.Model;
using Parley.Scenarios;
using Parley.Talks.Ledger;

namespace Parley.Talks.ReadModel;

/// <summary>
/// The read model of one talks: a left fold of its events (<see cref="Apply"/>). Holds private data
/// (positions, disclosures); only <see cref="Service.TalksViews"/> decides what a caller sees of it.
/// Not thread-safe: the service reads and folds it under the talks' lock.
/// </summary>
public sealed class TalksProjection
{
    private TalksProjection(string id) => Id = id;

    /// <summary>Talks id.</summary>
    public string Id { get; }

    /// <summary>Version of the last folded event (0: nothing yet).</summary>
    public long Version { get; private set; }

    /// <summary>Title.</summary>
    public string Title { get; private set; } = "";

    /// <summary>When the talks were created.</summary>
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>The scenario without private preferences.</summary>
    public Scenario Scenario { get; private set; } = null!;

    /// <summary>The process section (empty when the scenario declared none).</summary>
    public ProcessSpec Process => Scenario.Process ?? new ProcessSpec(null, null, ValueList<Stage>.Empty, ValueList<Venue>.Empty, ValueList<Deadline>.Empty, Confidentiality.Default);

    /// <summary>Stages in declaration order.</summary>
    public Dictionary<string, StageState> Stages { get; } = new(StringComparer.Ordinal);

    /// <summary>Venues in order of proposal.</summary>
    public Dictionary<string, VenueState> Venues { get; } = new(StringComparer.Ordinal);

    /// <summary>Meetings in order of proposal.</summary>
    public Dictionary<string, MeetingState> Meetings { get; } = new(StringComparer.Ordinal);

    /// <summary>Deadlines in order of setting.</summary>
    public Dictionary<string, DeadlineState> Deadlines { get; } = new(StringComparer.Ordinal);

    /// <summary>Proposals in order of tabling.</summary>
    public Dictionary<string, ProposalState> Proposals { get; } = new(StringComparer.Ordinal);

    /// <summary>Statements, oldest first.</summary>
    public List<StatementState> Statements { get; } = [];

    /// <summary>Negotiators appointed during the talks.</summary>
    public List<NegotiatorState> Negotiators { get; } = [];

    /// <summary>Private: each party's latest position.</summary>
    internal Dictionary<string, Position> Positions { get; } = new(StringComparer.Ordinal);

    /// <summary>Private: disclosures to the mediator, oldest first.</summary>
    internal List<DisclosureState> Disclosures { get; } = [];

    /// <summary>Pressure steps triggered by expired deadlines (deadline ids).</summary>
    public List<string> PressureSteps { get; } = [];

    /// <summary>True when the mediator may take part: its entry stage has opened (or none is declared).</summary>
    public bool MediatorEntered => Process.MediatorEntersAt is not { } entry
        || (Stages.TryGetValue(entry, out var s) && s.Status != StageStatus.Pending);

    /// <summary>Folds a whole stream (events in version order).</summary>
    public static TalksProjection Replay(string id, IEnumerable<StoredEvent> events)
    {
        var projection = new TalksProjection(id);
        foreach (var e in events)
        {
            projection.Apply(e);
        }

        return projection;
    }

    /// <summary>Folds one event; versions must follow on.</summary>
    public void Apply(StoredEvent stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        if (stored.Version != Version + 1)
        {
            throw new InvalidOperationException($"talks '{Id}': event {stored.Version} after {Version}");
        }

        Version = stored.Version;
        switch (stored.Event)
        {
            case TalksCreated e:
                Title = e.Title;
                CreatedAt = stored.At;
                Scenario = ScenarioLoader.LoadOrThrow(System.Text.Encoding.UTF8.GetBytes(e.ScenarioYaml), Id + ".yaml");
                foreach (var stage in Process.Stages)
                {
                    Stages[stage.Id] = new StageState(stage);
                }

                break;
            case NegotiatorAppointed e:
                Negotiators.Add(new NegotiatorState(e.Party, e.Name, e.Role, stored.At));
                break;
            case StageOpened e:
                Stages[e.Stage].Status = StageStatus.Open;
                RefreshMeetingParticipants();
                break;
            case StageClosed e:
                Stages[e.Stage].Status = e.Outcome;
                Stages[e.Stage].Note = e.Reason;
                break;
            case VenueProposed e:
                Venues.TryAdd(e.Venue, new VenueState(e.Venue, e.Name));
                break;
            case VenueAccepted e:
                Venues[e.Venue].AcceptedBy.Add(e.Party);
                Venues[e.Venue].RejectedBy.Remove(e.Party);
                break;
            case VenueRejected e:
                Venues[e.Venue].RejectedBy.Add(e.Party);
                Venues[e.Venue].AcceptedBy.Remove(e.Party);
                break;
            case MeetingProposed e:
                Meetings[e.Meeting] = new MeetingState(e.Meeting, e.Stage, e.Venue, e.Date) { Participants = MeetingParticipants(e.Stage) };
                break;
            case MeetingScheduled e:
                Meetings[e.Meeting].Status = MeetingStatus.Scheduled;
                break;
            case MeetingHeld e:
                Meetings[e.Meeting].Status = MeetingStatus.Held;
                Meetings[e.Meeting].Note = e.Summary;
                break;
            case MeetingCancelled e:
                Meetings[e.Meeting].Status = MeetingStatus.Cancelled;
                Meetings[e.Meeting].Note = e.Reason;
                break;
            case DeadlineSet e:
                Deadlines[e.Deadline] = new DeadlineState(e.Deadline, e.Name, e.Date, e.Stage, e.SetBy, e.Consequence, e.Note);
                break;
            case DeadlineExpired e:
                ApplyExpiry(Deadlines[e.Deadline]);
                break;
            case ProposalTabled e:
                Proposals[e.Proposal] = new ProposalState(e.Proposal, e.Party, e.Stage, e.Package, e.Note, e.CounterTo);
                break;
            case ProposalCountered e:
                Proposals[e.Proposal] = new ProposalState(e.Proposal, e.Party, e.Stage, e.Package, e.Note, e.CounterTo);
                Proposals[e.CounterTo].CounteredBy.Add(e.Proposal);
                break;
            case ProposalAccepted e:
                Proposals[e.Proposal].AcceptedBy.Add(e.Party);
                break;
            case ProposalRejected e:
                Proposals[e.Proposal].RejectedBy.Add(e.Party);
                break;
            case AgreementSigned e:
                Proposals[e.Proposal].SignedBy.Add(e.Party);
                break;
            case StatementIssued e:
                Statements.Add(new StatementState(e.Statement, e.Party, e.Text, e.Public, stored.At, stored.Version));
                break;
            case PositionSubmitted e:
                Positions[e.Party] = e.Position;
                break;
            case DisclosedToMediator e:
                Disclosures.Add(new DisclosureState(e.Party, e.Disclosure, stored.At, stored.Version));
                break;
            default:
                throw new InvalidOperationException($"unknown event {stored.Event.TypeName}");
        }
    }

    /// <summary>The parties at a stage's table: its participants, without the mediator before it entered.</summary>
    public IReadOnlyList<string> MeetingParticipants(string stage) =>
        Stages.TryGetValue(stage, out var s)
            ? [.. s.Participants.Where(p => p != Process.Mediator || MediatorEntered)]
            : [];

    private void RefreshMeetingParticipants()
    {
        foreach (var meeting in Meetings.Values.Where(m => m.Status == MeetingStatus.Proposed))
        {
            meeting.Participants = MeetingParticipants(meeting.Stage);
        }
    }

    private void ApplyExpiry(DeadlineState deadline)
    {
        deadline.Expired = true;
        switch (deadline.Consequence)
        {
            case DeadlineConsequence.Stall when deadline.Stage is { } stage && Stages.TryGetValue(stage, out var s):
                s.Stalled = true;
                s.Note = deadline.Note;
                break;
            case DeadlineConsequence.Pressure:
                PressureSteps.Add(deadline.Id);
                break;
            default:
                // Notice: recorded only. CloseStage: the service appends the StageClosed event with it.
                break;
        }
    }
}
