using System.Globalization;
using System.Text;
using Parley.Model;
using Parley.Scenarios;
using Parley.Talks.Access;
using Parley.Talks.Ledger;
using Parley.Talks.ReadModel;
using Parley.Talks.Rules;
using Parley.Talks.Service;

namespace Parley.Talks.Tests.Service;

/// <summary>What a marker was written into; the oracle derives who is entitled to it from this alone.</summary>
internal enum ItemKind
{
    /// <summary>A proposal's or counter's note (stage contents of its stage, by its author).</summary>
    ProposalNote,

    /// <summary>The reason of a rejection (contents of the proposal's stage and author; its actor sees it).</summary>
    RejectReason,

    /// <summary>The reason of a withdrawal (contents of the proposal's stage and author).</summary>
    WithdrawReason,

    /// <summary>The reason a participant gave when agreeing its stage is done (an agreement to close: contents).</summary>
    DoneAgreement,

    /// <summary>A meeting's minutes (contents of the meeting's stage, by whoever held it; timeline holders see the meeting only).</summary>
    Minutes,

    /// <summary>A meeting's cancellation reason (like minutes).</summary>
    CancelReason,

    /// <summary>A private statement, for a stage or for the talks as a whole.</summary>
    PrivateStatement,

    /// <summary>A public statement (the statements level).</summary>
    PublicStatement,

    /// <summary>Part of a party's submitted position (notes, red-line ids and notes): the positions level.</summary>
    Position,

    /// <summary>A red line copied into a disclosure: the disclosure_to level.</summary>
    DisclosedRedLine,

    /// <summary>A disclosure's note: the disclosure_to level.</summary>
    DisclosureNote,

    /// <summary>Timeline text: venue names, deadline names and notes, negotiator names, a failed stage's reason.</summary>
    Timeline,

    /// <summary>Token labels and revocation reasons: the organiser only.</summary>
    OrganiserOnly,

    /// <summary>A bidding round's subject: its opener, its bidders (the stage's participants) and the contents level.</summary>
    RoundSubject,

    /// <summary>A single text's note: the mediator, the stage's participants and the contents level.</summary>
    SingleTextNote,
}

/// <summary>A marker written by a command that succeeded (or by the scenario), with what decides who may see it.</summary>
/// <param name="Marker">The marker text.</param>
/// <param name="Kind">What it was written into.</param>
/// <param name="Actor">Who appended it (<see cref="Caller.Key"/>, or <c>system</c>).</param>
/// <param name="Stage">The item's stage (null: the talks as a whole).</param>
/// <param name="Author">The item's author (for answers and withdrawals: the proposal's author).</param>
/// <param name="Party">For positions and disclosures: whose.</param>
/// <param name="Version">The ledger version of the first event of the command that wrote it.</param>
/// <param name="Step">The command (index in the case's log) that wrote it.</param>
internal sealed record Origin(string Marker, ItemKind Kind, string Actor, string? Stage, string? Author, string? Party, long Version, int Step);

internal sealed record IssueSpec(string Id, IReadOnlyList<string> Options);

internal sealed record StageSpec(string Id, IReadOnlyList<string> Participants, IReadOnlyList<string> After, StageStatus Status);

/// <summary>One generated case: a random scenario (as YAML and as the facts the oracle needs) and its RNG for the commands.</summary>
internal sealed class TalksCase
{
    private int _next;

    public TalksCase(int seed, int index)
    {
        Seed = seed;
        Index = index;
        TalksId = string.Create(CultureInfo.InvariantCulture, $"cf-{seed}-{index}");
        Rng = new Random(unchecked((seed * 1_000_003) ^ (index * 7919) ^ 0x5bd1e995));
    }

    public int Seed { get; }

    public int Index { get; }

    public string TalksId { get; }

    /// <summary>The case's only source of randomness (scenario, then commands).</summary>
    public Random Rng { get; }

    public List<string> Parties { get; } = [];

    public List<IssueSpec> Issues { get; } = [];

    public List<StageSpec> Stages { get; } = [];

    public string? Mediator { get; set; }

    public string? MediatorEntersAt { get; set; }

    public Confidentiality Confidentiality { get; set; } = Confidentiality.Default;

    /// <summary>Each party's position as the scenario's preferences give it.</summary>
    public Dictionary<string, Position> InitialPositions { get; } = new(StringComparer.Ordinal);

    /// <summary>Markers written into the scenario's preferences (red-line ids and notes), by party.</summary>
    public List<(string Marker, string Party)> InitialMarkers { get; } = [];

    public string Yaml { get; set; } = "";

    public StageSpec Stage(string id) => Stages.First(s => s.Id == id);

    /// <summary>A new marker, unique in the run: <c>MK-{case}-{n}Z</c>.</summary>
    public string NewMarker() => string.Create(CultureInfo.InvariantCulture, $"MK-{Index}-{++_next}Z");

    public T Pick<T>(IReadOnlyList<T> items) => items[Rng.Next(items.Count)];

    public bool Chance(double p) => Rng.NextDouble() < p;

    public List<T> Shuffled<T>(IEnumerable<T> items)
    {
        var list = items.ToList();
        for (var i = list.Count - 1; i > 0; i--)
        {
            var j = Rng.Next(i + 1);
            (list[i], list[j]) = (list[j], list[i]);
        }

        return list;
    }
}

/// <summary>Random scenarios for the confidentiality property test, deterministic per (seed, case).</summary>
internal static class TalksCaseGenerator
{
    private static readonly Visibility[] Levels = [Visibility.Private, Visibility.Mediator, Visibility.Participants, Visibility.Public];

    public static TalksCase Generate(int seed, int index)
    {
        var c = new TalksCase(seed, index);
        var rng = c.Rng;
        var parties = rng.Next(2, 7);
        for (var p = 1; p <= parties; p++)
        {
            c.Parties.Add("P" + p.ToString(CultureInfo.InvariantCulture));
        }

        var issues = rng.Next(1, 4);
        for (var k = 1; k <= issues; k++)
        {
            var id = "I" + k.ToString(CultureInfo.InvariantCulture);
            c.Issues.Add(new IssueSpec(id, [.. Enumerable.Range(0, rng.Next(2, 4)).Select(o => id + (char)('a' + o))]));
        }

        foreach (var party in c.Parties)
        {
            var redLines = new List<PositionRedLine>();
            if (c.Chance(0.6))
            {
                var marker = c.NewMarker();
                redLines.Add(new PositionRedLine(marker, RandomRule(c), marker));
                c.InitialMarkers.Add((marker, party));
            }

            c.InitialPositions[party] = RandomPosition(c, redLines, notes: "");
        }

        var stages = rng.Next(2, 6);
        for (var i = 1; i <= stages; i++)
        {
            var id = "S" + i.ToString(CultureInfo.InvariantCulture);
            var participants = c.Shuffled(c.Parties).Take(rng.Next(2, parties + 1)).OrderBy(p => p, StringComparer.Ordinal).ToList();
            var after = new List<string>();
            for (var j = 1; j < i; j++)
            {
                if ((j == i - 1 && c.Chance(0.5)) || c.Chance(0.25))
                {
                    after.Add("S" + j.ToString(CultureInfo.InvariantCulture));
                }
            }

            var ready = after.All(a => c.Stage(a).Status == StageStatus.Done);
            var roll = rng.NextDouble();
            var status = !ready ? StageStatus.Pending
                : i == 1 ? (roll < 0.35 ? StageStatus.Done : roll < 0.75 ? StageStatus.Open : StageStatus.Pending)
                : (roll < 0.15 ? StageStatus.Done : roll < 0.4 ? StageStatus.Open : StageStatus.Pending);
            c.Stages.Add(new StageSpec(id, participants, after, status));
        }

        if (c.Chance(0.75))
        {
            c.Mediator = c.Pick(c.Parties);
            if (c.Chance(0.65))
            {
                c.MediatorEntersAt = c.Pick(c.Stages).Id;
            }
        }

        c.Confidentiality = new Confidentiality(c.Pick(Levels), c.Pick(Levels), c.Pick(Levels), c.Pick(Levels));
        c.Yaml = Yaml(c);
        return c;
    }

    /// <summary>A position that fits the case's issues and scale (0–100).</summary>
    public static Position RandomPosition(TalksCase c, IReadOnlyList<PositionRedLine> redLines, string notes)
    {
        var weights = new Dictionary<string, double>(StringComparer.Ordinal);
        var scores = new Dictionary<string, IReadOnlyList<double>>(StringComparer.Ordinal);
        foreach (var issue in c.Issues)
        {
            weights[issue.Id] = c.Rng.Next(0, 11);
            scores[issue.Id] = [.. issue.Options.Select(_ => (double)c.Rng.Next(0, 101))];
        }

        if (weights.Values.All(w => w == 0))
        {
            weights[c.Issues[0].Id] = 1;
        }

        return new Position(weights, scores, c.Rng.Next(0, 61), redLines, notes);
    }

    /// <summary>A red-line rule over the case's issues (always satisfiable: it excludes one option).</summary>
    public static string RandomRule(TalksCase c)
    {
        var issue = c.Pick(c.Issues);
        return $"{issue.Id} != {c.Pick(issue.Options)}";
    }

    private static string Yaml(TalksCase c)
    {
        static string List(IEnumerable<string> items) => "[" + string.Join(", ", items) + "]";
        static string Num(double d) => d.ToString("0.###", CultureInfo.InvariantCulture);
        static string Level(Visibility v) => v.ToString().ToLowerInvariant();

        var y = new StringBuilder();
        y.Append("parley: 1\nid: ").Append(c.TalksId).Append("\ntitle: Case ").Append(c.Index).Append('\n');
        y.Append("parties:\n");
        foreach (var p in c.Parties)
        {
            y.Append("  - {id: ").Append(p).Append("}\n");
        }

        y.Append("issues:\n");
        foreach (var issue in c.Issues)
        {
            y.Append("  - {id: ").Append(issue.Id).Append(", options: ").Append(List(issue.Options)).Append("}\n");
        }

        y.Append("preferences:\n");
        foreach (var (party, position) in c.InitialPositions)
        {
            y.Append("  ").Append(party).Append(":\n");
            y.Append("    weights: {").Append(string.Join(", ", c.Issues.Select(i => $"{i.Id}: {Num(position.Weights[i.Id])}"))).Append("}\n");
            y.Append("    scores: {").Append(string.Join(", ", c.Issues.Select(i => $"{i.Id}: {List(position.Scores[i.Id].Select(Num))}"))).Append("}\n");
            y.Append("    reservation: ").Append(Num(position.Reservation)).Append('\n');
            if (position.RedLines.Count > 0)
            {
                y.Append("    red_lines:\n");
                foreach (var r in position.RedLines)
                {
                    y.Append("      - {id: ").Append(r.Id).Append(", rule: \"").Append(r.Rule).Append("\", note: \"").Append(r.Note).Append("\"}\n");
                }
            }
        }

        y.Append("process:\n");
        if (c.Mediator is not null)
        {
            y.Append("  mediator: ").Append(c.Mediator).Append('\n');
        }

        if (c.MediatorEntersAt is not null)
        {
            y.Append("  mediator_enters: ").Append(c.MediatorEntersAt).Append('\n');
        }

        y.Append("  stages:\n");
        foreach (var s in c.Stages)
        {
            y.Append("    - {id: ").Append(s.Id).Append(", participants: ").Append(List(s.Participants))
                .Append(", after: ").Append(List(s.After)).Append(", status: ").Append(s.Status.ToString().ToLowerInvariant()).Append("}\n");
        }

        var conf = c.Confidentiality;
        y.Append("  confidentiality: {contents: ").Append(Level(conf.Contents)).Append(", positions: ").Append(Level(conf.Positions))
            .Append(", statements: ").Append(Level(conf.Statements)).Append(", disclosure_to: ").Append(Level(conf.DisclosureTo)).Append("}\n");
        return y.ToString();
    }
}

/// <summary>
/// Runs a random command sequence (10–30 commands) of a case by random callers against the service,
/// recording every command's outcome and every marker a successful command wrote (with what decides who
/// may see it), and the markers of refused commands (which must appear nowhere).
/// </summary>
internal sealed class TalksCaseDriver(TalksService service, TalksCase c, DateOnly today)
{
    private readonly Random _rng = c.Rng;
    private readonly Snapshot _state = new(c);
    private readonly Dictionary<string, Position> _positions = new(c.InitialPositions, StringComparer.Ordinal);
    private readonly List<BidRoundOpened> _rounds = [];
    private readonly Dictionary<string, (Dictionary<string, string> Package, string Note)> _texts = new(StringComparer.Ordinal);

    /// <summary>One line per command: caller, command, outcome.</summary>
    public List<string> Log { get; } = [];

    /// <summary>Markers written by successful commands, each with its origins (a disclosed red line has two).</summary>
    public Dictionary<string, List<Origin>> Written { get; } = new(StringComparer.Ordinal);

    /// <summary>Markers of refused commands.</summary>
    public HashSet<string> Refused { get; } = new(StringComparer.Ordinal);

    /// <summary>Refusals by exception type and rule.</summary>
    public Dictionary<string, int> Refusals { get; } = new(StringComparer.Ordinal);

    /// <summary>Exceptions a command must never throw (anything but the three refusals).</summary>
    public List<string> Unexpected { get; } = [];

    public int Commands { get; private set; }

    /// <summary>Registers an origin written outside a command (the scenario, token labels).</summary>
    public void Add(Origin origin)
    {
        if (!Written.TryGetValue(origin.Marker, out var list))
        {
            Written[origin.Marker] = list = [];
        }

        list.Add(origin);
    }

    public async Task RunAsync()
    {
        var target = _rng.Next(10, 31);
        while (Commands < target)
        {
            var snap = _state;
            var roll = _rng.Next(100);
            switch (roll)
            {
                case < 9: await OpenStage(snap); break;
                case < 11: await FailStage(snap); break;
                case < 15: await CloseDone(snap); break;
                case < 21: await MeetingFlow(snap); break;
                case < 23: await MeetingStep(snap); break;
                case < 26: await Deadline(snap); break;
                case < 35: await Table(snap, counter: false); break;
                case < 39: await Table(snap, counter: true); break;
                case < 44: await Answer(snap); break;
                case < 49: await AgreementFlow(snap); break;
                case < 51: await Sign(snap); break;
                case < 54: await Withdraw(snap); break;
                case < 59: await Statement(snap, isPublic: false, staged: true); break;
                case < 63: await Statement(snap, isPublic: false, staged: false); break;
                case < 68: await Statement(snap, isPublic: true, staged: false); break;
                case < 72: await SubmitPosition(); break;
                case < 77: await Disclose(); break;
                case < 79: await Negotiator(); break;
                case < 81: await Venue(snap); break;
                case < 84: await Consent(); break;
                case < 87: await BlindCheck(snap); break;
                case < 89: await OpenRound(snap); break;
                case < 91: await Bid(); break;
                case < 93: await TableText(snap); break;
                case < 95: await MarkText(); break;
                case < 96: await SubmitText(); break;
                default: await OpenStage(snap); break;
            }
        }
    }

    // ---- the commands ----------------------------------------------------------------------------------

    private Task OpenStage(Snapshot snap)
    {
        var ready = c.Stages.Where(s => snap.Status[s.Id] == StageStatus.Pending && s.After.All(a => snap.Status[a] == StageStatus.Done)).ToList();
        var stage = ready.Count > 0 && c.Chance(0.8) ? c.Pick(ready) : c.Pick(c.Stages);
        return Do("open " + stage.Id, CallerFor(stage.Id), [], (s, x, _) => TalksRules.OpenStage(s, x, stage.Id));
    }

    private Task FailStage(Snapshot snap)
    {
        var stage = PickStage(snap, StageStatus.Open);
        var reason = c.NewMarker();
        return Do("fail " + stage.Id, CallerFor(stage.Id), [reason],
            (s, x, w) =>
            {
                w(reason, ItemKind.Timeline, null, null, null);
                return TalksRules.CloseStage(s, x, stage.Id, StageStatus.Failed, "failed " + reason);
            });
    }

    private async Task CloseDone(Snapshot snap)
    {
        var stage = PickStage(snap, StageStatus.Open);
        var agreeing = c.Shuffled(stage.Participants);
        if (c.Chance(0.2))
        {
            agreeing = agreeing.Take(_rng.Next(1, agreeing.Count + 1)).ToList();
        }

        foreach (var party in agreeing)
        {
            var caller = c.Chance(0.9) ? Caller.OfParty(party) : RandomCaller();
            var reason = c.Chance(0.7) ? c.NewMarker() : null;
            await Do("agree done " + stage.Id, caller, reason is null ? [] : [reason],
                (s, x, w) =>
                {
                    if (reason is not null)
                    {
                        w(reason, ItemKind.DoneAgreement, stage.Id, x.Key, null);
                    }

                    return TalksRules.CloseStage(s, x, stage.Id, StageStatus.Done, reason is null ? "" : "agreed " + reason);
                });
        }
    }

    private async Task MeetingFlow(Snapshot snap)
    {
        var stage = c.Chance(0.85) ? PickStage(snap, StageStatus.Open) : c.Pick(c.Stages);
        var venue = snap.Venues.Count > 0 && c.Chance(0.3) ? c.Pick(snap.Venues) : null;
        if (venue is null)
        {
            var name = c.NewMarker();
            var proposed = await Do("propose venue", CallerFor(stage.Id), [name], (s, x, w) =>
            {
                w(name, ItemKind.Timeline, null, null, null);
                return TalksRules.ProposeVenue(s, x, null, "venue " + name);
            });
            venue = proposed?.OfType<VenueProposed>().First().Venue ?? (snap.Venues.Count > 0 ? c.Pick(snap.Venues) : "V-none");
        }

        var date = c.Chance(0.5) ? today.AddDays(_rng.Next(1, 40)) : (DateOnly?)null;
        var meeting = (await Do($"propose meeting {stage.Id} at {venue}", CallerFor(stage.Id), [], (s, x, _) => TalksRules.ProposeMeeting(s, x, null, stage.Id, venue, date)))
            ?.OfType<MeetingProposed>().First().Meeting;
        if (meeting is null)
        {
            return;
        }

        foreach (var party in c.Shuffled(stage.Participants))
        {
            var accept = c.Chance(0.92);
            await Do($"{(accept ? "accept" : "reject")} venue {venue}", Caller.OfParty(party), [], (s, x, _) => TalksRules.AnswerVenue(s, x, venue, accept));
        }

        await Do("schedule " + meeting, CallerFor(stage.Id), [], (s, x, _) => TalksRules.ScheduleMeeting(s, x, meeting));
        await HoldOrCancel(meeting, stage.Id);
    }

    private Task MeetingStep(Snapshot snap)
    {
        if (snap.Meetings.Count == 0)
        {
            return HoldOrCancel("M-none", c.Pick(c.Stages).Id);
        }

        var (id, stage, _) = c.Pick(snap.Meetings);
        return c.Chance(0.4)
            ? Do("schedule " + id, CallerFor(stage), [], (s, x, _) => TalksRules.ScheduleMeeting(s, x, id))
            : HoldOrCancel(id, stage);
    }

    private Task HoldOrCancel(string meeting, string stage)
    {
        var text = c.NewMarker();
        var caller = CallerFor(stage);
        return c.Chance(0.8)
            ? Do("hold " + meeting, caller, [text], (s, x, w) =>
            {
                w(text, ItemKind.Minutes, stage, x.Key, null);
                return TalksRules.HoldMeeting(s, x, meeting, "minutes " + text);
            })
            : Do("cancel " + meeting, caller, [text], (s, x, w) =>
            {
                w(text, ItemKind.CancelReason, stage, x.Key, null);
                return TalksRules.CancelMeeting(s, x, meeting, "cancelled " + text);
            });
    }

    private Task Deadline(Snapshot snap)
    {
        var stage = c.Chance(0.75) ? c.Pick(c.Stages).Id : null;
        var name = c.NewMarker();
        var note = c.NewMarker();
        var date = c.Chance(0.1) ? today.AddDays(-3) : today.AddDays(_rng.Next(0, 60));
        var consequence = c.Pick<DeadlineConsequence>([DeadlineConsequence.Notice, DeadlineConsequence.Stall, DeadlineConsequence.Pressure, DeadlineConsequence.CloseStage]);
        return Do($"deadline {stage ?? "(talks)"}", stage is null ? RandomCaller() : CallerFor(stage), [name, note], (s, x, w) =>
        {
            w(name, ItemKind.Timeline, null, null, null);
            w(note, ItemKind.Timeline, null, null, null);
            return TalksRules.SetDeadline(s, x, null, "deadline " + name, date, stage, consequence, "note " + note, today);
        });
    }

    private Task Table(Snapshot snap, bool counter)
    {
        ProposalInfo? countered = null;
        string? stage;
        if (counter)
        {
            var open = snap.Proposals.Where(p => p.Open).ToList();
            countered = open.Count > 0 && c.Chance(0.9) ? c.Pick(open) : snap.Proposals.Count > 0 ? c.Pick(snap.Proposals) : null;
            stage = countered?.Stage;
        }
        else
        {
            stage = c.Chance(0.15) ? null : PickStage(snap, StageStatus.Open).Id;
        }

        var note = c.NewMarker();
        var package = RandomPackage();
        var caller = stage is null ? RandomCaller() : CallerFor(stage);
        var counterTo = countered?.Id ?? (counter ? "T.P9.P9" : null);
        return Do($"{(counter ? "counter " + counterTo : "table")} in {stage ?? "(talks)"}", caller, [note], (s, x, w) =>
        {
            w(note, ItemKind.ProposalNote, stage, x.Key, null);
            return TalksRules.TableProposal(s, x, stage, package, "note " + note, counterTo);
        });
    }

    private Task Answer(Snapshot snap)
    {
        var p = PickProposal(snap);
        var accept = c.Chance(0.6);
        var reason = c.NewMarker();
        return Do($"{(accept ? "accept" : "reject")} {p?.Id}", p?.Stage is { } st ? CallerFor(st) : RandomCaller(), accept ? [] : [reason], (s, x, w) =>
        {
            if (!accept && p is not null)
            {
                w(reason, ItemKind.RejectReason, p.Stage, p.Author, null);
            }

            return TalksRules.AnswerProposal(s, x, p?.Id ?? "S1.P1.P99", accept, accept ? "" : "because " + reason);
        });
    }

    private async Task AgreementFlow(Snapshot snap)
    {
        var open = snap.Proposals.Where(p => p.Open && (p.Stage is null || snap.Status[p.Stage] == StageStatus.Open)).ToList();
        if (open.Count == 0)
        {
            await Table(snap, counter: false);
            return;
        }

        var p = c.Pick(open);
        var signatories = p.Stage is { } st ? c.Stage(st).Participants : c.Parties;
        foreach (var party in c.Shuffled(signatories.Where(x => x != p.Party)))
        {
            if (c.Chance(0.9))
            {
                await Do("accept " + p.Id, Caller.OfParty(party), [], (s, x, _) => TalksRules.AnswerProposal(s, x, p.Id, true, ""));
            }
            else
            {
                var reason = c.NewMarker();
                await Do("reject " + p.Id, Caller.OfParty(party), [reason], (s, x, w) =>
                {
                    w(reason, ItemKind.RejectReason, p.Stage, p.Author, null);
                    return TalksRules.AnswerProposal(s, x, p.Id, false, "because " + reason);
                });
            }
        }

        var signers = c.Shuffled(signatories).Select(Caller.OfParty).ToList();
        if (c.Chance(0.3))
        {
            signers.Insert(_rng.Next(signers.Count + 1), RandomCaller());
        }

        foreach (var signer in signers)
        {
            await Do("sign " + p.Id, signer, [], (s, x, _) => TalksRules.SignAgreement(s, x, p.Id));
        }
    }

    private Task Sign(Snapshot snap)
    {
        var p = PickProposal(snap);
        return Do("sign " + p?.Id, p?.Stage is { } st ? CallerFor(st) : RandomCaller(), [], (s, x, _) => TalksRules.SignAgreement(s, x, p?.Id ?? "T.P1.P99"));
    }

    private Task Withdraw(Snapshot snap)
    {
        var p = PickProposal(snap);
        var reason = c.NewMarker();
        var caller = p is not null && c.Chance(0.75) ? AuthorCaller(p.Author) : RandomCaller();
        return Do("withdraw " + p?.Id, caller, [reason], (s, x, w) =>
        {
            if (p is not null)
            {
                w(reason, ItemKind.WithdrawReason, p.Stage, p.Author, null);
            }

            return TalksRules.WithdrawProposal(s, x, p?.Id ?? "T.P1.P99", "withdrawn " + reason);
        });
    }

    private Task Statement(Snapshot snap, bool isPublic, bool staged)
    {
        var stage = staged ? c.Pick(c.Stages).Id : null;
        var text = c.NewMarker();
        var caller = stage is null ? RandomCaller() : CallerFor(stage);
        if (isPublic && c.Chance(0.05))
        {
            // A public statement for one stage is refused.
            stage = c.Pick(c.Stages).Id;
        }

        return Do($"{(isPublic ? "public" : "private")} statement {stage ?? "(talks)"}", caller, [text], (s, x, w) =>
        {
            w(text, isPublic ? ItemKind.PublicStatement : ItemKind.PrivateStatement, stage, x.Key, null);
            return TalksRules.IssueStatement(s, x, "says " + text, isPublic, stage);
        });
    }

    private Task SubmitPosition()
    {
        var party = c.Pick(c.Parties);
        var caller = c.Chance(0.9) ? Caller.OfParty(party) : RandomCaller();
        var markers = new List<string>();
        var redLines = new List<PositionRedLine>();
        for (var i = _rng.Next(0, 3); i > 0; i--)
        {
            var id = c.NewMarker();
            markers.Add(id);
            redLines.Add(new PositionRedLine(id, TalksCaseGenerator.RandomRule(c), id));
        }

        var notes = c.NewMarker();
        markers.Add(notes);
        var position = TalksCaseGenerator.RandomPosition(c, redLines, "notes " + notes);
        if (c.Chance(0.1))
        {
            // Off the scale: refused with position-shape.
            position = position with { Reservation = 250 };
        }

        return Do("submit position", caller, [.. markers], (s, x, w) =>
        {
            foreach (var m in markers)
            {
                w(m, ItemKind.Position, null, null, x.Party);
            }

            var events = TalksRules.SubmitPosition(s, x, position);
            _positions[x.Party!] = position;
            return events;
        });
    }

    private Task Disclose()
    {
        var party = c.Pick(c.Parties);
        var caller = c.Chance(0.9) ? Caller.OfParty(party) : RandomCaller();
        bool weights = c.Chance(0.5), scores = c.Chance(0.5), reservation = c.Chance(0.4);
        var note = c.Chance(0.75) ? c.NewMarker() : null;
        return Do("disclose", caller, note is null ? [] : [note], (s, x, w) =>
        {
            var own = x.Party is { } me ? _positions.GetValueOrDefault(me) : null;
            var redLines = own is null ? [] : own.RedLines.Where(_ => c.Chance(0.5)).Select(r => r.Id).ToList();
            if (c.Chance(0.05))
            {
                redLines.Add("no-such-red-line");
            }

            if (note is not null)
            {
                w(note, ItemKind.DisclosureNote, null, null, x.Party);
            }

            var events = TalksRules.Disclose(s, x, weights, scores, reservation, redLines, note is null ? "" : "note " + note);
            foreach (var id in redLines)
            {
                w(id, ItemKind.DisclosedRedLine, null, null, x.Party);
            }

            return events;
        });
    }

    private Task Negotiator()
    {
        var name = c.NewMarker();
        return Do("appoint negotiator", RandomCaller(), [name], (s, x, w) =>
        {
            w(name, ItemKind.Timeline, null, null, null);
            return TalksRules.AppointNegotiator(s, x, "envoy " + name, "envoy");
        });
    }

    private Task Venue(Snapshot snap)
    {
        if (snap.Venues.Count > 0 && c.Chance(0.5))
        {
            var venue = c.Pick(snap.Venues);
            var accept = c.Chance(0.7);
            return Do($"{(accept ? "accept" : "reject")} venue {venue}", RandomCaller(), [], (s, x, _) => TalksRules.AnswerVenue(s, x, venue, accept));
        }

        var name = c.NewMarker();
        return Do("propose venue", RandomCaller(), [name], (s, x, w) =>
        {
            w(name, ItemKind.Timeline, null, null, null);
            return TalksRules.ProposeVenue(s, x, null, "venue " + name);
        });
    }

    // ---- the mediator's desk ---------------------------------------------------------------------------

    private Task Consent()
    {
        var party = c.Pick(c.Parties);
        var caller = c.Chance(0.9) ? Caller.OfParty(party) : RandomCaller();
        var weights = c.Chance(0.85);
        var consent = new BlindConsent(weights, weights && c.Chance(0.6), weights && c.Chance(0.6));
        return Do("consent", caller, [], (s, x, _) => TalksRules.SetConsent(s, x, consent));
    }

    private Task BlindCheck(Snapshot snap)
    {
        var stage = c.Chance(0.5) ? c.Pick(c.Stages) : null;
        var pool = stage?.Participants ?? c.Parties;
        var parties = c.Shuffled(pool).Take(_rng.Next(2, Math.Max(3, pool.Count + 1))).ToList();
        var caller = c.Chance(0.7) && c.Mediator is not null ? Caller.Mediator : RandomCaller();
        var rule = c.Pick(Parley.Talks.Rules.BlindCheck.Rules);
        return Do("blind check", caller, [], (s, x, _) => TalksRules.Check(s, x, parties, rule, stage?.Id));
    }

    private async Task OpenRound(Snapshot snap)
    {
        var stage = PickStage(snap, StageStatus.Open);
        var subject = c.NewMarker();
        var opened = await Do("open bidding round " + stage.Id, CallerFor(stage.Id), [subject], (s, x, w) =>
        {
            w(subject, ItemKind.RoundSubject, stage.Id, x.Key, null);
            return TalksRules.OpenBidRound(s, x, stage.Id, null, "round " + subject, 0, 100, "");
        });
        if (opened?.OfType<BidRoundOpened>().FirstOrDefault() is { } round)
        {
            _rounds.Add(round);
        }
    }

    private Task Bid()
    {
        var round = _rounds.Count > 0 ? c.Pick(_rounds) : new BidRoundOpened("S1.RU.B9", "S1", "", null, 0, 100, "", []);
        var caller = round.Bidders.Count > 0 && c.Chance(0.85) ? Caller.OfParty(c.Pick(round.Bidders)) : RandomCaller();
        var side = c.Chance(0.5) ? BidSide.AtLeast : BidSide.AtMost;
        var bound = (double)_rng.Next(0, 101);
        return Do("bid in " + round.Round, caller, [], (s, x, _) => TalksRules.Bid(s, x, round.Round, side, bound, c.Chance(0.5)));
    }

    private async Task TableText(Snapshot snap)
    {
        var stage = PickStage(snap, StageStatus.Open);
        var note = c.NewMarker();
        var caller = c.Chance(0.8) && c.Mediator is not null ? Caller.Mediator : CallerFor(stage.Id);
        var package = RandomPackage();
        var tabled = await Do("single text " + stage.Id, caller, [note], (s, x, w) =>
        {
            w(note, ItemKind.SingleTextNote, stage.Id, Caller.Mediator.Key, null);
            return TalksRules.TableSingleText(s, x, stage.Id, package, "text " + note);
        });
        if (tabled is not null)
        {
            _texts[stage.Id] = (package, note);
        }
    }

    private Task MarkText()
    {
        var stage = _texts.Count > 0 ? c.Pick([.. _texts.Keys]) : c.Pick(c.Stages).Id;
        var issues = _texts.TryGetValue(stage, out var text) ? text.Package.Keys.ToList() : [c.Issues[0].Id];
        var marks = issues.ToDictionary(i => i, _ => (IssueMark?)(c.Chance(0.5) ? IssueMark.Acceptable : IssueMark.NeedsChange));
        return Do("mark single text " + stage, CallerFor(stage), [], (s, x, _) => TalksRules.MarkSingleText(s, x, stage, null, marks));
    }

    private Task SubmitText()
    {
        var stage = _texts.Count > 0 ? c.Pick([.. _texts.Keys]) : c.Pick(c.Stages).Id;
        var caller = c.Chance(0.85) && c.Mediator is not null ? Caller.Mediator : RandomCaller();
        return Do("submit single text " + stage, caller, [], (s, x, w) =>
        {
            var events = TalksRules.SubmitSingleText(s, x, stage);
            // The text's note goes into the proposal's note: from now on also a proposal note of the mediator.
            w(_texts[stage].Note, ItemKind.ProposalNote, stage, Caller.Mediator.Key, null);
            return events;
        });
    }

    // ---- helpers -----------------------------------------------------------------------------------------

    /// <summary>Records what a command would write: marker, kind, stage, author, party (stamped with actor and version on success).</summary>
    private delegate void Writes(string marker, ItemKind kind, string? stage, string? author, string? party);

    /// <summary>Runs one command; returns the events it appended, or null when it was refused.</summary>
    private async Task<IReadOnlyList<TalksEvent>?> Do(string what, Caller caller, IReadOnlyList<string> markers, Func<TalksProjection, Caller, Writes, IReadOnlyList<TalksEvent>> decide)
    {
        var step = Log.Count;
        Commands++;
        var pending = new List<(string Marker, ItemKind Kind, string? Stage, string? Author, string? Party)>();
        long first = 0;
        IReadOnlyList<TalksEvent> appended = [];
        try
        {
            await service.ExecuteAsync(c.TalksId, caller, null, null, what, (s, x) =>
            {
                first = s.Version + 1;
                return appended = decide(s, x, (m, k, st, a, p) => pending.Add((m, k, st, a, p)));
            });
        }
        catch (Exception ex) when (ex is RuleViolationException or ForbiddenException or NotFoundException)
        {
            var why = ex is RuleViolationException rv ? "rule " + rv.Rule : ex.GetType().Name;
            Refusals[why] = Refusals.GetValueOrDefault(why) + 1;
            Refused.UnionWith(markers);
            Log.Add($"#{step} {caller.Key}: {what} [{string.Join(" ", markers)}] → refused ({why}: {ex.Message})");
            return null;
        }
#pragma warning disable CA1031 // reported as a failure of the case
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Refused.UnionWith(markers);
            Unexpected.Add($"#{step} {caller.Key}: {what} threw {ex.GetType().Name}: {ex.Message}");
            Log.Add($"#{step} {caller.Key}: {what} [{string.Join(" ", markers)}] → THREW {ex.GetType().Name}: {ex.Message}");
            return null;
        }

        foreach (var (m, k, st, a, p) in pending)
        {
            Add(new Origin(m, k, caller.Key, st, a, p, first, step));
        }

        foreach (var e in appended)
        {
            _state.Apply(e, caller.Key);
        }

        Log.Add($"#{step} {caller.Key}: {what} [{string.Join(" ", markers)}] → ok at v{first}");
        return appended;
    }

    private StageSpec PickStage(Snapshot snap, StageStatus preferred)
    {
        var matching = c.Stages.Where(s => snap.Status[s.Id] == preferred).ToList();
        return matching.Count > 0 && c.Chance(0.85) ? c.Pick(matching) : c.Pick(c.Stages);
    }

    private ProposalInfo? PickProposal(Snapshot snap)
    {
        if (snap.Proposals.Count == 0)
        {
            return null;
        }

        var open = snap.Proposals.Where(p => p.Open).ToList();
        return open.Count > 0 && c.Chance(0.8) ? c.Pick(open) : c.Pick(snap.Proposals);
    }

    private Dictionary<string, string> RandomPackage()
    {
        var package = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var issue in c.Issues)
        {
            if (package.Count == 0 || c.Chance(0.6))
            {
                package[issue.Id] = c.Pick(issue.Options);
            }
        }

        return package;
    }

    /// <summary>Mostly a participant of the stage, sometimes the mediator, another party, or a role that may not write.</summary>
    private Caller CallerFor(string stage)
    {
        var r = _rng.NextDouble();
        if (r < 0.62)
        {
            return Caller.OfParty(c.Pick(c.Stage(stage).Participants));
        }

        if (r < 0.8 && c.Mediator is not null)
        {
            return Caller.Mediator;
        }

        return RandomCaller();
    }

    private Caller RandomCaller()
    {
        var r = _rng.NextDouble();
        if (r < 0.72)
        {
            return Caller.OfParty(c.Pick(c.Parties));
        }

        if (r < 0.86 && c.Mediator is not null)
        {
            return Caller.Mediator;
        }

        return c.Pick([Caller.Observer, Caller.Organiser, Caller.Public, Caller.OfParty(c.Pick(c.Parties))]);
    }

    private static Caller AuthorCaller(string author) =>
        author == "mediator" ? Caller.Mediator : Caller.OfParty(author["party:".Length..]);

    internal sealed class ProposalInfo(string id, string? stage, string author, string? party)
    {
        public string Id { get; } = id;

        public string? Stage { get; } = stage;

        public string Author { get; } = author;

        public string? Party { get; } = party;

        /// <summary>Not countered, withdrawn or signed.</summary>
        public bool Open { get; set; } = true;
    }

    /// <summary>
    /// What the driver knows of the state to aim its commands (targets only; the oracle never reads it):
    /// the scenario's statuses, then a fold of the events its own successful commands appended.
    /// </summary>
    internal sealed class Snapshot(TalksCase c)
    {
        public Dictionary<string, StageStatus> Status { get; } = c.Stages.ToDictionary(s => s.Id, s => s.Status, StringComparer.Ordinal);

        public List<ProposalInfo> Proposals { get; } = [];

        public List<(string Id, string Stage, MeetingStatus Status)> Meetings { get; } = [];

        public List<string> Venues { get; } = [];

        public void Apply(TalksEvent e, string actor)
        {
            switch (e)
            {
                case StageOpened o:
                    Status[o.Stage] = StageStatus.Open;
                    break;
                case StageClosed o:
                    Status[o.Stage] = o.Outcome;
                    break;
                case VenueProposed v when !Venues.Contains(v.Venue):
                    Venues.Add(v.Venue);
                    break;
                case MeetingProposed m:
                    Meetings.Add((m.Meeting, m.Stage, MeetingStatus.Proposed));
                    break;
                case MeetingScheduled m:
                    Meeting(m.Meeting, MeetingStatus.Scheduled);
                    break;
                case MeetingHeld m:
                    Meeting(m.Meeting, MeetingStatus.Held);
                    break;
                case MeetingCancelled m:
                    Meeting(m.Meeting, MeetingStatus.Cancelled);
                    break;
                case ProposalTabled p:
                    Proposals.Add(new ProposalInfo(p.Proposal, p.Stage, actor, p.Party));
                    break;
                case ProposalCountered p:
                    Proposals.Add(new ProposalInfo(p.Proposal, p.Stage, actor, p.Party));
                    Close(p.CounterTo);
                    break;
                case ProposalWithdrawn p:
                    Close(p.Proposal);
                    break;
                case AgreementSigned p:
                    Close(p.Proposal);
                    break;
            }
        }

        private void Close(string proposal)
        {
            foreach (var p in Proposals.Where(p => p.Id == proposal))
            {
                p.Open = false;
            }
        }

        private void Meeting(string id, MeetingStatus status)
        {
            var i = Meetings.FindIndex(m => m.Id == id);
            Meetings[i] = Meetings[i] with { Status = status };
        }
    }

    /// <summary>Loads the case's scenario (a generator bug fails here, with the YAML).</summary>
    public static Scenario Load(TalksCase c)
    {
        try
        {
            return ScenarioLoader.LoadOrThrow(Encoding.UTF8.GetBytes(c.Yaml), c.TalksId + ".yaml");
        }
        catch (Exception ex)
        {
            throw new InvalidOperationException($"case {c.Index} (seed {c.Seed}): the generated scenario does not load: {ex.Message}\n{c.Yaml}", ex);
        }
    }
}
