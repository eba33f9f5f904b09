using Parley.Model;
using Parley.Scenarios;
using Parley.Talks.Access;
using Parley.Talks.Ledger;

namespace Parley.Talks.ReadModel;

/// <summary>
/// The read model of one talks: a left fold of its events (<see cref="Apply"/>). Holds private data
/// (positions, disclosures); only <see cref="VisibilityPolicy"/> decides what a caller sees of it, and
/// each event's sight is decided once, as it is folded, into every caller's <see cref="CallerView"/>.
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

    /// <summary>The mediator's desk: consents, blind checks, bidding rounds, single texts.</summary>
    public BlindState Blind { get; } = new();

    /// <summary>Each caller's share of the ledger, by <see cref="Caller.Key"/>.</summary>
    private Dictionary<string, CallerView> Views { get; } = new(StringComparer.Ordinal);

    private IReadOnlyList<Caller> _audiences = [];

    /// <summary>Pressure steps triggered by expired deadlines (deadline ids).</summary>
    public List<string> PressureSteps { get; } = [];

    /// <summary>True when the mediator may take part: its entry stage has opened (or none is declared).</summary>
    public bool MediatorEntered => Process.MediatorEntersAt is not { } entry
        || (Stages.TryGetValue(entry, out var s) && s.Status != StageStatus.Pending);

    /// <summary>The caller's share of the ledger (empty for a caller these talks do not have).</summary>
    public CallerView ViewOf(Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return Views.GetValueOrDefault(caller.Key) ?? Empty;
    }

    private static readonly CallerView Empty = new();

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
        var actor = Caller.NormalizeActor(stored.Actor);
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

                _audiences = VisibilityPolicy.Audiences(this);
                foreach (var audience in _audiences)
                {
                    Views[audience.Key] = new CallerView();
                }

                break;
            case NegotiatorAppointed e:
                Negotiators.Add(new NegotiatorState(e.Party, e.Name, e.Role, stored.At));
                break;
            case StageOpened e:
                Stages[e.Stage].Status = StageStatus.Open;
                break;
            case StageClosed e:
                Stages[e.Stage].Status = e.Outcome;
                Stages[e.Stage].Note = e.Reason;
                break;
            case StageDoneAgreed e:
                Stages[e.Stage].DoneAgreedBy.Add(e.Party);
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
                Meetings[e.Meeting].NoteBy = actor;
                break;
            case MeetingCancelled e:
                Meetings[e.Meeting].Status = MeetingStatus.Cancelled;
                Meetings[e.Meeting].Note = e.Reason;
                Meetings[e.Meeting].NoteBy = actor;
                break;
            case DeadlineSet e:
                Deadlines[e.Deadline] = new DeadlineState(e.Deadline, e.Name, e.Date, e.Stage, e.SetBy, e.Consequence, e.Note);
                break;
            case DeadlineExpired e:
                ApplyExpiry(Deadlines[e.Deadline]);
                break;
            case ProposalTabled e:
                Proposals[e.Proposal] = new ProposalState(e.Proposal, e.Party, actor, e.Stage, e.Package, e.Note, e.CounterTo);
                break;
            case ProposalCountered e:
                Proposals[e.Proposal] = new ProposalState(e.Proposal, e.Party, actor, e.Stage, e.Package, e.Note, e.CounterTo);
                Proposals[e.CounterTo].CounteredBy.Add(e.Proposal);
                break;
            case ProposalAccepted e:
                // A party's last word stands: accepting replaces an earlier rejection, and the reverse.
                Proposals[e.Proposal].AcceptedBy.Add(e.Party);
                Proposals[e.Proposal].RejectedBy.Remove(e.Party);
                break;
            case ProposalRejected e:
                Proposals[e.Proposal].RejectedBy.Add(e.Party);
                Proposals[e.Proposal].AcceptedBy.Remove(e.Party);
                break;
            case ProposalWithdrawn e:
                Proposals[e.Proposal].Withdrawn = true;
                break;
            case AgreementSigned e:
                Proposals[e.Proposal].SignedBy.Add(e.Party);
                break;
            case StatementIssued e:
                Statements.Add(new StatementState(e.Statement, e.Party, e.Text, e.Public, stored.At, e.Stage, actor));
                break;
            case PositionSubmitted e:
                Positions[e.Party] = e.Position;
                break;
            case DisclosedToMediator e:
                Disclosures.Add(new DisclosureState(e.Party, e.Disclosure, stored.At));
                break;
            case TokenIssued or TokenRevoked:
                break;
            case BlindConsentSet e:
                Blind.Consents[e.Party] = e.Consent;
                break;
            case BlindCheckMade e:
                Blind.Checks.Add(new BlindCheckState(e.Check, e.Stage, e.Parties, e.Rule, e.Answer, actor, stored.At));
                break;
            case BidRoundOpened e:
                Blind.Rounds[e.Round] = new BidRoundState(e, actor);
                break;
            case BidSubmitted e:
                Blind.Rounds[e.Round].Bids[e.Party] = e;
                break;
            case BidRoundSettled e:
                Blind.Rounds[e.Round].Result = e;
                break;
            case SingleTextTabled e:
                if (!Blind.Texts.TryGetValue(e.Stage, out var text))
                {
                    Blind.Texts[e.Stage] = text = new SingleTextState(e.Stage);
                }

                text.Rounds.Add(e);
                text.Marks.Add(new Dictionary<string, IReadOnlyDictionary<string, IssueMark>>(StringComparer.Ordinal));
                break;
            case SingleTextMarked e:
                Blind.Texts[e.Stage].Marks[e.Round - 1][e.Party] = e.Marks;
                break;
            case SingleTextSubmitted e:
                Blind.Texts[e.Stage].SubmittedAs = e.Proposal;
                Blind.Texts[e.Stage].SubmittedRound = e.Round;
                break;
            default:
                throw new InvalidOperationException($"unknown event {stored.Event.TypeName}");
        }

        foreach (var audience in _audiences)
        {
            var sight = VisibilityPolicy.Of(this, stored, audience);
            if (sight != VisibilityPolicy.Sight.Hidden)
            {
                Views[audience.Key].Add(stored.Version, sight == VisibilityPolicy.Sight.Redacted);
            }
        }
    }

    /// <summary>The parties at a stage's table: its participants (the mediator is not a party; it sits at the table from its entry stage on).</summary>
    public IReadOnlyList<string> MeetingParticipants(string stage) =>
        Stages.TryGetValue(stage, out var s) ? s.Participants : [];

    private List<StageState> StagesOf(DeadlineState deadline) =>
        deadline.Stage is { } stage ? (Stages.TryGetValue(stage, out var s) ? [s] : []) : [.. Stages.Values];

    private void ApplyExpiry(DeadlineState deadline)
    {
        deadline.Expired = true;
        switch (deadline.Consequence)
        {
            case DeadlineConsequence.Stall:
                // A stage-less deadline stalls every stage not yet closed.
                foreach (var s in StagesOf(deadline).Where(s => s.Status is StageStatus.Open or StageStatus.Pending))
                {
                    s.Stalled = true;
                    s.Note = deadline.Note;
                }

                break;
            case DeadlineConsequence.Pressure:
                // A pressure step reopens what stalled (the deadline's stage, or every stage for a stage-less one).
                PressureSteps.Add(deadline.Id);
                foreach (var s in StagesOf(deadline).Where(s => s.Stalled))
                {
                    s.Stalled = false;
                }

                break;
            default:
                // Notice: recorded only. CloseStage: the service appends the StageClosed event with it.
                break;
        }
    }
}
