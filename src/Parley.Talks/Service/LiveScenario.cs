using Parley.Model;
using Parley.Talks.Access;
using Parley.Talks.ReadModel;

namespace Parley.Talks.Service;

/// <summary>
/// The live state of a talks as one caller may see it: a <see cref="Model.Scenario"/> for the briefing's
/// lenses (stage statuses, venues, deadlines and negotiators as the ledger says, and only the private data
/// the caller may compute with, <see cref="AnalysisBasis"/>) plus the live facts a scenario cannot hold
/// (stalls, expired deadlines, meetings, the proposals and statements the caller may read). Built by
/// <see cref="For"/>, a pure function of the projection, the caller and the date; it keeps no reference
/// into the projection, so it can be used after the talks' lock is released.
/// </summary>
public sealed record LiveScenario
{
    /// <summary>
    /// The scenario the lenses read: the talks' public part with the live process; preferences only as
    /// the caller may see them. For a caller without the timeline (the public) only id and title.
    /// </summary>
    public required Scenario Scenario { get; init; }

    /// <summary>Talks id.</summary>
    public required string TalksId { get; init; }

    /// <summary>Who the briefing is for.</summary>
    public required Caller Caller { get; init; }

    /// <summary>The caller's view version (how many events it sees); null for the public, which is not told.</summary>
    public long? Version { get; init; }

    /// <summary>The day the briefing is made (the service's clock, UTC); the outlook starts on it.</summary>
    public required DateOnly AsOf { get; init; }

    /// <summary>True when the caller sees the timeline (every token holder; not the public).</summary>
    public required bool SeesTimeline { get; init; }

    /// <summary>What private data went in, one line per party (see <see cref="AnalysisBasis.Lines"/>); empty when none.</summary>
    public required IReadOnlyList<string> Basis { get; init; }

    /// <summary>When no private data enter the briefing, why (in words); else null.</summary>
    public string? PrivateDataNote { get; init; }

    /// <summary>Stages a deadline stalled (until a pressure step), in stage order.</summary>
    public required IReadOnlyList<string> Stalled { get; init; }

    /// <summary>Why a stage closed or stalled, by stage id (only stages with a note).</summary>
    public required IReadOnlyDictionary<string, string> StageNotes { get; init; }

    /// <summary>Deadlines that expired (their consequence applied), in order of setting.</summary>
    public required IReadOnlyList<string> Expired { get; init; }

    /// <summary>Pressure steps triggered by expired deadlines (deadline ids).</summary>
    public required IReadOnlyList<string> PressureSteps { get; init; }

    /// <summary>Negotiators appointed during the talks.</summary>
    public required IReadOnlyList<NegotiatorState> Negotiators { get; init; }

    /// <summary>Meetings (minutes only where the caller may read them).</summary>
    public required IReadOnlyList<MeetingView> Meetings { get; init; }

    /// <summary>The proposals the caller may read (stage contents), in order of tabling.</summary>
    public required IReadOnlyList<LiveProposal> Proposals { get; init; }

    /// <summary>The statements the caller may read, oldest first.</summary>
    public required IReadOnlyList<StatementState> Statements { get; init; }

    /// <summary>The live state of talks <paramref name="s"/> for <paramref name="caller"/> on <paramref name="asOf"/>; every item asks <see cref="VisibilityPolicy"/> (through <see cref="TalksViews"/>).</summary>
    public static LiveScenario For(TalksProjection s, Caller caller, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(caller);
        var overview = TalksViews.Overview(s, caller);
        var timeline = VisibilityPolicy.SeesTimeline(caller);
        var basis = AnalysisBasis.For(s, caller) ?? AnalysisBasis.None;
        var order = s.Scenario.Parties.Select((p, i) => (p.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        var preferences = basis.Preferences.OrderBy(p => order.GetValueOrDefault(p.PartyId, int.MaxValue)).ToValueList();
        var scenario = timeline
            ? s.Scenario with
            {
                Parties = (overview.Parties ?? []).Select(p => s.Scenario.FindParty(p.Id)! with { Negotiators = p.Negotiators.ToValueList() }).ToValueList(),
                Process = s.Scenario.Process is null ? null : s.Scenario.Process with
                {
                    Stages = s.Stages.Values.Select(st => st.Spec with { Status = st.Status }).ToValueList(),
                    Venues = s.Venues.Values.Select(v => new Venue(v.Id, v.Name, v.AcceptedBy.ToValueList(), v.RejectedBy.ToValueList())).ToValueList(),
                    Deadlines = s.Deadlines.Values.Select(d => new Deadline(d.Id, d.Name, d.Date, d.Stage, d.SetBy, d.Consequence, d.Note)).ToValueList(),
                },
                Preferences = preferences,
                Conflict = null,
                Simulation = null,
                Forecast = null,
            }
            // The public sees the talks' title and public statements only.
            : new Scenario(s.Scenario.Id, s.Title, "", s.Scenario.Scale, ValueList<Party>.Empty, ValueList<Issue>.Empty, ValueList<PartyPreferences>.Empty, null, null, null, null);
        return new LiveScenario
        {
            Scenario = scenario,
            TalksId = s.Id,
            Caller = caller,
            Version = overview.Version,
            AsOf = asOf,
            SeesTimeline = timeline,
            Basis = basis.Lines,
            PrivateDataNote = preferences.Count > 0 ? null : NoPrivateData(caller),
            Stalled = timeline ? [.. s.Stages.Values.Where(st => st.Stalled).Select(st => st.Id)] : [],
            StageNotes = timeline ? s.Stages.Values.Where(st => st.Note.Length > 0).ToDictionary(st => st.Id, st => st.Note, StringComparer.Ordinal) : new Dictionary<string, string>(),
            Expired = timeline ? [.. s.Deadlines.Values.Where(d => d.Expired).Select(d => d.Id)] : [],
            PressureSteps = timeline ? [.. s.PressureSteps] : [],
            Negotiators = timeline ? [.. s.Negotiators] : [],
            Meetings = overview.Meetings ?? [],
            Proposals = [.. (overview.Proposals ?? []).Select(p => new LiveProposal(p.Id, p.Stage, p.Party, new Dictionary<string, string>(p.Package, StringComparer.Ordinal),
                p.Note, p.CounterTo, p.Withdrawn, [.. p.AcceptedBy], [.. p.RejectedBy], [.. p.SignedBy]))],
            Statements = overview.Statements,
        };
    }

    /// <summary>Why no private data enter a caller's briefing.</summary>
    private static string NoPrivateData(Caller caller) => caller.Kind switch
    {
        RoleKind.Party => $"{caller.Party} has not submitted a position yet, so no private data enter this briefing.",
        RoleKind.Mediator => "No party has disclosed its weights and scores to the mediator yet, so no private data enter this briefing.",
        _ => $"Private data are not available to the {caller.Kind.ToString().ToLowerInvariant()}: only a party's own briefing uses its position (weights, scores, reservation value, red lines), and the mediator's what was disclosed to it.",
    };
}
