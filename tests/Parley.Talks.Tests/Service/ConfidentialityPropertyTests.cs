using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Time.Testing;
using Parley.Model;
using Parley.Talks.Access;
using Parley.Talks.Ledger;
using Parley.Talks.ReadModel;
using Parley.Talks.Rules;
using Parley.Talks.Service;
using Parley.Talks.Storage;
using Xunit.Abstractions;

namespace Parley.Talks.Tests.Service;

/// <summary>
/// A generated property test of who sees what. Each case opens a random scenario (2–6 parties, 1–3 issues,
/// 2–5 stages with random participants and <c>after</c> chains, a mediator entering at a random stage or
/// none, random confidentiality levels) as talks, runs 10–30 random commands by random callers, each text
/// carrying a unique marker, and then reads everything every caller can read: overview, lists, positions,
/// disclosures, analysis, every page of its events and its live feed. An oracle written here from the rules
/// of the <see cref="VisibilityPolicy"/> comment (it never calls the policy) says who is entitled to each
/// marker; the test asserts that no marker reaches anyone else and that every entitled caller sees it. It
/// also checks per-caller versions, the exact event sequence each caller gets, the write rules (by
/// replaying the raw ledger) and token revocation. Deterministic per seed: a failure names the seed and
/// case; rerun one case with <c>PARLEY_CONFIDENTIALITY_SEED=… PARLEY_CONFIDENTIALITY_CASE=…</c>.
/// </summary>
public sealed partial class ConfidentialityPropertyTests(ITestOutputHelper output)
{
    private const int DefaultSeed = 20250805;
    private const int DefaultCases = 1000;
    private const int DefaultParallelism = 48;
    private const string RetroactiveKey = "mediator: in views, not in its events (written before entry)";
    private static readonly DateTimeOffset Now = new(2025, 8, 5, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = DateOnly.FromDateTime(Now.UtcDateTime);

    [Theory, SqliteStore, PostgresStore]
    public async Task GeneratedTalks_ShowEachCallerExactlyItsShare_AndKeepTheWriteRules(string kind)
    {
        var seed = Setting("PARLEY_CONFIDENTIALITY_SEED", DefaultSeed);
        var cases = Setting("PARLEY_CONFIDENTIALITY_CASES", DefaultCases);
        var only = Environment.GetEnvironmentVariable("PARLEY_CONFIDENTIALITY_CASE");
        List<int> indices = only is { Length: > 0 } ? [int.Parse(only, CultureInfo.InvariantCulture)] : [.. Enumerable.Range(0, cases)];

        var clock = Stopwatch.StartNew();
        await using var store = await TestStores.CreateAsync(kind);
        var time = new FakeTimeProvider(Now);
        var service = new TalksService(store.Store, time);
        var results = new ConcurrentBag<CaseResult>();
        await Parallel.ForEachAsync(indices, new ParallelOptions { MaxDegreeOfParallelism = Setting("PARLEY_CONFIDENTIALITY_PARALLEL", DefaultParallelism) }, async (index, _) =>
        {
            var c = TalksCaseGenerator.Generate(seed, index);
            var result = new CaseResult(c);
            try
            {
                await RunCaseAsync(service, store.Store, time, c, result);
            }
#pragma warning disable CA1031 // a crash of one case is reported with the others
            catch (Exception ex)
#pragma warning restore CA1031
            {
                result.Fail("crash", $"{ex.GetType().Name}: {ex.Message}\n{ex.StackTrace}");
            }

            results.Add(result);
        });
        clock.Stop();

        var all = results.OrderBy(r => r.Case.Index).ToList();
        var stats = Summarise(kind, seed, all, clock.Elapsed);
        output.WriteLine(stats);
        var thin = only is null && cases >= 500 ? Coverage(all) : null;
        var failed = all.Where(r => r.Failures.Count > 0).ToList();
        if (failed.Count > 0 || thin is not null)
        {
            Assert.Fail((thin is null ? "" : thin + "\n") + (failed.Count > 0 ? Report(kind, seed, failed) + "\n" : "") + stats);
        }
    }

    // ---- one case ------------------------------------------------------------------------------------------

    private static async Task RunCaseAsync(TalksService service, IEventStore store, TimeProvider time, TalksCase c, CaseResult result)
    {
        var phase = Stopwatch.StartNew();
        var scenario = TalksCaseDriver.Load(c);
        var created = await service.CreateAsync(scenario, c.TalksId);
        result.Time("create", phase);
        var audiences = Audiences(c);
        var driver = new TalksCaseDriver(service, c, Today);
        result.Driver = driver;

        var subscribedAt = await service.ReadAsync(c.TalksId, s => s.Version);
        var live = new List<(Caller Caller, Subscription Subscription, long Baseline)>();
        try
        {
            var baselines = await service.ReadAsync(c.TalksId, s => audiences.Select(a => s.ViewOf(a).Count).ToList());
            for (var i = 0; i < audiences.Count; i++)
            {
                live.Add((audiences[i], await service.SubscribeAsync(c.TalksId, audiences[i], null), baselines[i]));
            }

            if (c.Index % 8 == 0)
            {
                await TokenChecksAsync(service, store, time, c, created, driver, result);
            }

            result.Time("subscribe+tokens", phase);
            await driver.RunAsync();
            result.Time("commands", phase);
            foreach (var line in driver.Unexpected)
            {
                result.Fail("unexpected-exception", line);
            }

            await CheckAsync(service, store, c, audiences, driver, live, subscribedAt, result);
            result.Time("check", phase);
        }
        finally
        {
            foreach (var (_, subscription, _) in live)
            {
                subscription.Dispose();
            }
        }
    }

    private static async Task TokenChecksAsync(TalksService service, IEventStore store, TimeProvider time, TalksCase c, CreatedTalks created, TalksCaseDriver driver, CaseResult result)
    {
        var party = c.Pick(c.Parties);
        var label = c.NewMarker();
        var extra = await service.IssueTokenAsync(c.TalksId, RoleKind.Party, party, "label " + label);
        driver.Add(new Origin(label, ItemKind.OrganiserOnly, "system", null, null, null, await service.ReadAsync(c.TalksId, s => s.Version), -1));
        if (await service.AuthenticateAsync(c.TalksId, extra.Token) != Caller.OfParty(party))
        {
            result.Fail("tokens", $"a fresh token for {party} does not authenticate as {party}");
        }

        var reason = c.NewMarker();
        await service.RevokeTokenAsync(c.TalksId, extra.Id, "reason " + reason);
        driver.Add(new Origin(reason, ItemKind.OrganiserOnly, "system", null, null, null, await service.ReadAsync(c.TalksId, s => s.Version), -1));
        if (await service.AuthenticateAsync(c.TalksId, extra.Token) is { } revoked)
        {
            result.Fail("tokens", $"a revoked token of {party} still authenticates (as {revoked.Key})");
        }

        if (await new TalksService(store, time).AuthenticateAsync(c.TalksId, extra.Token) is { } fresh)
        {
            result.Fail("tokens", $"a revoked token of {party} authenticates on a fresh service instance (as {fresh.Key})");
        }

        var bytes = new byte[32];
        c.Rng.NextBytes(bytes);
        var wrong = Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        if (await service.AuthenticateAsync(c.TalksId, wrong) is { } guessed)
        {
            result.Fail("tokens", $"a random wrong token {wrong} authenticates (as {guessed.Key})");
        }

        var role = c.Pick(created.Tokens);
        if (await service.AuthenticateAsync(c.TalksId + "-other", role.Token) is { } elsewhere)
        {
            result.Fail("tokens", $"the {role.Label} token authenticates in other talks (as {elsewhere.Key})");
        }

        var expected = role.Kind switch
        {
            RoleKind.Party => Caller.OfParty(role.Party!),
            RoleKind.Mediator => Caller.Mediator,
            _ => Caller.Observer,
        };
        if (await service.AuthenticateAsync(c.TalksId, role.Token) != expected)
        {
            result.Fail("tokens", $"the live {role.Label} token does not authenticate as {expected.Key}");
        }
    }

    private static async Task CheckAsync(
        TalksService service,
        IEventStore store,
        TalksCase c,
        IReadOnlyList<Caller> audiences,
        TalksCaseDriver driver,
        List<(Caller Caller, Subscription Subscription, long Baseline)> live,
        long subscribedAt,
        CaseResult result)
    {
        // The raw ledger: replay it through the oracle's own model (write rules, who sees each event).
        var phase = Stopwatch.StartNew();
        var raw = await store.ReadAsync(c.TalksId, 0, 100_000);
        var model = new LedgerModel(c);
        var expected = audiences.ToDictionary(a => a.Key, _ => new List<(StoredEvent Event, bool Redacted)>(), StringComparer.Ordinal);
        var enteredAt = new Dictionary<long, bool>();
        var inLedger = new Dictionary<string, List<long>>(StringComparer.Ordinal);
        var rawJson = new Dictionary<long, string>();
        foreach (var e in raw)
        {
            var json = rawJson[e.Version] = EventJson.Serialize(e.Event);
            foreach (var broken in model.Check(e))
            {
                result.Fail("write-rule", $"v{e.Version} {e.Event.TypeName} by {e.Actor}: {broken} — {json}");
            }

            model.Apply(e);
            enteredAt[e.Version] = model.Entered;
            foreach (var a in audiences)
            {
                var sight = model.SightOf(e, a);
                if (sight != Sight.Hidden)
                {
                    expected[a.Key].Add((e, sight == Sight.Redacted));
                }
            }

            foreach (var m in Markers(json))
            {
                if (!inLedger.TryGetValue(m, out var versions))
                {
                    inLedger[m] = versions = [];
                }

                versions.Add(e.Version);
            }

            result.Count(e.Actor == "system" ? "system " + e.Event.TypeName : e.Event.TypeName);
            if (e.Actor == "mediator" && e.Event is ProposalTabled or ProposalCountered)
            {
                result.Count("proposal by the mediator");
            }
        }

        foreach (var (marker, party) in c.InitialMarkers)
        {
            var version = raw.First(e => e.Actor == "system" && e.Event is PositionSubmitted p && p.Party == party).Version;
            driver.Add(new Origin(marker, ItemKind.Position, "system", null, null, party, version, -1));
        }

        var latestPosition = raw.Where(e => e.Event is PositionSubmitted).GroupBy(e => ((PositionSubmitted)e.Event).Party).ToDictionary(g => g.Key, g => g.Max(e => e.Version), StringComparer.Ordinal);

        // What was written is in the ledger; what was refused is not; nothing else is.
        foreach (var (marker, origins) in driver.Written)
        {
            if (!inLedger.ContainsKey(marker))
            {
                result.Fail("ledger", $"{marker} ({Describe(origins[0])}) was written by a command that succeeded but is not in the ledger");
            }
        }

        foreach (var (marker, versions) in inLedger)
        {
            if (!driver.Written.ContainsKey(marker))
            {
                result.Fail("ledger", driver.Refused.Contains(marker)
                    ? $"{marker} of a refused command is in the ledger at v{versions[0]}"
                    : $"{marker} is in the ledger at v{versions[0]} but no command wrote it");
            }
        }

        var oracle = new Oracle(c, model, enteredAt, latestPosition);
        var views = await service.ReadAsync(c.TalksId, s => audiences.ToDictionary(a => a.Key, a => ReadViews(s, a, c.Parties), StringComparer.Ordinal));
        result.Time("check: views", phase);
        foreach (var (caller, subscription, baseline) in live)
        {
            await CheckCallerAsync(service, c, caller, subscription, baseline, subscribedAt, expected[caller.Key], rawJson, raw, views[caller.Key], driver, oracle, result);
        }
    }

    private static async Task CheckCallerAsync(
        TalksService service,
        TalksCase c,
        Caller a,
        Subscription subscription,
        long baseline,
        long subscribedAt,
        List<(StoredEvent Event, bool Redacted)> expected,
        Dictionary<long, string> rawJson,
        IReadOnlyList<StoredEvent> raw,
        ViewsRead views,
        TalksCaseDriver driver,
        Oracle oracle,
        CaseResult result)
    {
        // Every page of the caller's events, with a random page size.
        var phase = Stopwatch.StartNew();
        var events = new List<EventView>();
        var limit = c.Chance(0.15) ? c.Rng.Next(3, 13) : c.Rng.Next(100, 1000);
        long cursor = 0;
        for (var guard = 0; guard < 10_000; guard++)
        {
            var page = await service.ReadEventsAsync(c.TalksId, a, cursor, limit);
            if (page.Version != expected.Count)
            {
                result.Fail("versions", $"{a.Key}: a page of events says version {page.Version}; the caller is entitled to {expected.Count} events");
            }

            events.AddRange(page.Events);
            if (page.Next is not { } next)
            {
                break;
            }

            if (page.Events.Count == 0 || next != page.Events[^1].Version)
            {
                result.Fail("versions", $"{a.Key}: page after {cursor} returns cursor {next}, not its last sequence number");
                break;
            }

            cursor = next;
        }

        for (var i = 0; i < events.Count; i++)
        {
            if (events[i].Version != i + 1)
            {
                result.Fail("versions", $"{a.Key}: event #{i + 1} of its feed carries version {events[i].Version} (versions must be 1..N without gaps)");
                break;
            }
        }

        var eventJson = events.Select(e => EventJson.Serialize(e.Event)).ToList();
        CompareEvents(a, events, eventJson, expected, rawJson, result);

        // The live feed opened before the commands: exactly the tail of the pages after the baseline.
        var delivered = new List<EventView>();
        while (subscription.Events.TryRead(out var e))
        {
            delivered.Add(e);
        }

        var skipped = (int)Math.Min(baseline, events.Count);
        var tail = events.Skip(skipped).ToList();
        var liveJson = delivered.Select(e => EventJson.Serialize(e.Event)).ToList();
        if (delivered.Count != tail.Count)
        {
            result.Fail("live", $"{a.Key}: the live feed delivered {delivered.Count} events; its pages hold {tail.Count} after its version {baseline} at subscription");
        }

        for (var i = 0; i < Math.Min(delivered.Count, tail.Count); i++)
        {
            var (d, t) = (delivered[i], tail[i]);
            if (d.Version != t.Version || d.Type != t.Type || d.Actor != t.Actor || d.At != t.At || liveJson[i] != eventJson[skipped + i])
            {
                result.Fail("live", $"{a.Key}: live event #{i + 1} differs from its page: {Json(d)} vs {Json(t)}");
                break;
            }
        }

        // Every view of the state (read for every caller at once, after the commands).
        result.Time("check: events", phase);
        if (a.Kind == RoleKind.Public ? views.Version is not null : views.Version != expected.Count)
        {
            result.Fail("versions", $"{a.Key}: overview version {views.Version?.ToString(CultureInfo.InvariantCulture) ?? "null"}; the caller is entitled to {expected.Count} events{(a.Kind == RoleKind.Public ? " (the public gets no version)" : "")}");
        }

        var mayAnalyse = a.Kind is RoleKind.Party or RoleKind.Mediator;
        if (views.AnalysisProblem is { } problem)
        {
            result.Fail("analysis", $"{a.Key}: the analysis threw {problem}");
        }
        else if (views.AnalysisForbidden == mayAnalyse)
        {
            result.Fail("analysis", $"{a.Key}: the analysis was {(views.AnalysisForbidden ? "forbidden" : "allowed")}");
        }

        if (a.Kind == RoleKind.Observer && !Equals(views.Confidentiality, c.Confidentiality))
        {
            result.Fail("views", $"the overview's confidentiality {views.Confidentiality} is not the generated {c.Confidentiality}");
        }

        foreach (var held in raw.Select(e => e.Event).OfType<MeetingHeld>())
        {
            var timeline = a.Kind != RoleKind.Public;
            var shown = views.Meetings?.GetValueOrDefault(held.Meeting);
            if (timeline ? shown != MeetingStatus.Held : views.Meetings is not null)
            {
                result.Fail("views", $"{a.Key}: held meeting {held.Meeting} shows as {(views.Meetings is null ? "no meetings at all" : shown?.ToString() ?? "absent")}");
            }
        }

        // Markers: where the caller found each one.
        var inEvents = Found(events.Select((e, i) => ($"events #{e.Version} {e.Type}", eventJson[i])));
        var inLive = Found(delivered.Select((e, i) => ($"live #{e.Version} {e.Type}", liveJson[i])));
        var inViews = Found(views.Parts);
        foreach (var (marker, where) in inEvents.Concat(inLive).Concat(inViews))
        {
            if (!driver.Written.TryGetValue(marker, out var origins))
            {
                result.Fail("leak", $"{a.Key} sees {marker} in {where.Part}, but it {(driver.Refused.Contains(marker) ? "belongs to a refused command" : "was never written in these talks")}: …{where.Context}…");
                continue;
            }

            if (!origins.Any(o => oracle.InEvents(o, a) || oracle.InViews(o, a)))
            {
                result.Fail($"leak ({string.Join("+", origins.Select(o => o.Kind).Distinct())} → {a.Kind.ToString().ToLowerInvariant()})", $"{a.Key} sees {marker} ({string.Join("; ", origins.Select(Describe))}) in {where.Part}: …{where.Context}…");
            }
        }

        foreach (var (marker, origins) in driver.Written)
        {
            var what = string.Join("; ", origins.Select(Describe));
            if (origins.Any(o => oracle.InEvents(o, a)))
            {
                result.Count("entitled caller×marker (events)");
                if (!inEvents.ContainsKey(marker))
                {
                    result.Fail($"missing ({string.Join("+", origins.Select(o => o.Kind).Distinct())})", $"{a.Key} is entitled to {marker} ({what}) but no page of its events holds it");
                }

                if (origins.Any(o => oracle.InEvents(o, a) && o.Version > subscribedAt) && !inLive.ContainsKey(marker))
                {
                    result.Fail($"missing ({string.Join("+", origins.Select(o => o.Kind).Distinct())})", $"{a.Key} is entitled to {marker} ({what}) but its live feed did not deliver it");
                }
            }

            if (origins.Any(o => oracle.InViews(o, a)))
            {
                result.Count("entitled caller×marker (views)");
                if (!inViews.ContainsKey(marker))
                {
                    result.Fail($"missing ({string.Join("+", origins.Select(o => o.Kind).Distinct())})", $"{a.Key} is entitled to {marker} ({what}) but no view shows it");
                }
            }

            if (inViews.ContainsKey(marker) && !inEvents.ContainsKey(marker) && a.Kind == RoleKind.Mediator)
            {
                // Documented (events are filtered once, as they are folded), but worth knowing: the mediator's
                // views show an item written before it entered whose event it never received.
                result.Count(RetroactiveKey);
            }
        }
    }

    private static void CompareEvents(Caller a, List<EventView> events, List<string> eventJson, List<(StoredEvent Event, bool Redacted)> expected, Dictionary<long, string> rawJson, CaseResult result)
    {
        if (events.Count != expected.Count)
        {
            var want = expected.Select(x => x.Event.Version).ToList();
            result.Fail("events", $"{a.Key}: {events.Count} events in its feed; entitled to {expected.Count} (ledger versions {string.Join(",", want)}); got types {string.Join(",", events.Select(e => e.Type))}");
        }

        for (var i = 0; i < Math.Min(events.Count, expected.Count); i++)
        {
            var (e, redacted) = expected[i];
            var want = redacted ? EventJson.Serialize(Redacted(e.Event)) : rawJson[e.Version];
            var got = events[i];
            if (got.Type != e.Event.TypeName || got.Actor != LedgerModel.Normalize(e.Actor) || got.At != e.At || eventJson[i] != want)
            {
                result.Fail("events", $"{a.Key}: event #{i + 1} is {got.Type} by {got.Actor} {eventJson[i]}; expected ledger v{e.Version} {e.Event.TypeName} by {e.Actor}{(redacted ? " (redacted)" : "")} {want}");
                return;
            }
        }
    }

    // ---- the oracle ----------------------------------------------------------------------------------------

    /// <summary>What a caller gets of one event.</summary>
    private enum Sight
    {
        Hidden,
        Redacted,
        Shown,
    }

    /// <summary>
    /// Who is entitled to a marker, from the policy's documented rules: a level reaches <c>public</c> everyone;
    /// <c>participants</c> the parties of the item's stage (every party for the talks as a whole) and the mediator
    /// once it sits at that table (its entry stage opened, and the stage is the entry stage or depends on it
    /// through <c>after</c>); <c>mediator</c> the mediator; <c>private</c> nobody else; the author always.
    /// Events are judged as of when they were appended (they are filtered as they are folded), views as of now.
    /// </summary>
    private sealed class Oracle(TalksCase c, LedgerModel model, Dictionary<long, bool> enteredAt, Dictionary<string, long> latestPosition)
    {
        public bool InEvents(Origin o, Caller a) => Entitled(o, a, enteredAt[o.Version], views: false);

        public bool InViews(Origin o, Caller a) => Entitled(o, a, model.Entered, views: true);

        private bool Entitled(Origin o, Caller a, bool entered, bool views)
        {
            var conf = c.Confidentiality;
            bool Reach(Visibility level, string? stage, string author) => model.Reaches(level, stage, author, a, entered);
            bool Desk(Caller x) => (x.Kind == RoleKind.Party && x.Party is not null) || (x.Kind == RoleKind.Mediator && c.Mediator is not null);
            bool Participant(string stage) => a.Kind == RoleKind.Party && c.Stage(stage).Participants.Contains(a.Party!);
            return o.Kind switch
            {
                ItemKind.ProposalNote => a.Key == o.Actor || Reach(conf.Contents, o.Stage, o.Author!),
                ItemKind.RejectReason or ItemKind.WithdrawReason => !views && (a.Key == o.Actor || Reach(conf.Contents, o.Stage, o.Author!)),
                ItemKind.DoneAgreement => !views && (a.Key == o.Actor || Reach(conf.Contents, o.Stage, o.Actor)),
                ItemKind.Minutes or ItemKind.CancelReason => Timeline(a) && (a.Key == o.Actor || Reach(conf.Contents, o.Stage, o.Actor)),
                ItemKind.PrivateStatement => a.Key == o.Actor || Reach(LedgerModel.PrivateStatementLevel(conf), o.Stage, o.Actor),
                ItemKind.PublicStatement => a.Key == o.Actor || Reach(conf.Statements, null, o.Actor),
                ItemKind.Position => (!views || latestPosition[o.Party!] == o.Version) && Reach(conf.Positions, null, "party:" + o.Party),
                ItemKind.DisclosedRedLine or ItemKind.DisclosureNote => Reach(conf.DisclosureTo, null, "party:" + o.Party),
                ItemKind.Timeline => Timeline(a),
                ItemKind.OrganiserOnly => !views && a.Kind == RoleKind.Organiser,
                // The desk's views are for the parties and the mediator; others read rounds and texts as events only.
                ItemKind.RoundSubject or ItemKind.SingleTextNote when views && !Desk(a) => false,
                ItemKind.RoundSubject => a.Key == o.Actor || Participant(o.Stage!) || Reach(conf.Contents, o.Stage, o.Actor),
                ItemKind.SingleTextNote => (a.Kind == RoleKind.Mediator && c.Mediator is not null) || Participant(o.Stage!) || Reach(conf.Contents, o.Stage, "mediator"),
                _ => throw new InvalidOperationException(o.Kind.ToString()),
            };
        }

        private static bool Timeline(Caller a) => a.Kind != RoleKind.Public;
    }

    /// <summary>
    /// The oracle's own fold of the raw ledger: stage statuses (hence whether the mediator entered), proposals,
    /// meetings and venues — enough to judge the write rules and who sees each event. Independent of
    /// <see cref="TalksProjection"/> and <see cref="VisibilityPolicy"/>.
    /// </summary>
    private sealed class LedgerModel(TalksCase c)
    {
        private readonly Dictionary<string, StageStatus> _status = c.Stages.ToDictionary(s => s.Id, _ => StageStatus.Pending, StringComparer.Ordinal);
        private readonly HashSet<(string Stage, string Party)> _doneAgreed = [];
        private readonly Dictionary<string, Prop> _proposals = new(StringComparer.Ordinal);
        private readonly Dictionary<string, (string Stage, string Venue, MeetingStatus Status)> _meetings = new(StringComparer.Ordinal);
        private readonly Dictionary<string, HashSet<string>> _venueAccepted = new(StringComparer.Ordinal);
        private readonly HashSet<string> _consented = new(StringComparer.Ordinal);
        private readonly Dictionary<string, Round> _rounds = new(StringComparer.Ordinal);

        /// <summary>True once the mediator may sit at tables: its entry stage left pending (or it has none).</summary>
        public bool Entered => c.Mediator is not null && (c.MediatorEntersAt is not { } entry || _status[entry] != StageStatus.Pending);

        public static string Normalize(string actor) => actor.StartsWith("mediator:", StringComparison.Ordinal) ? "mediator" : actor;

        /// <summary>Private statements: the contents level, but never wider than the participants.</summary>
        public static Visibility PrivateStatementLevel(Confidentiality conf) => conf.Contents == Visibility.Public ? Visibility.Participants : conf.Contents;

        public bool Reaches(Visibility level, string? stage, string author, Caller a, bool entered)
        {
            if (level == Visibility.Public || a.Key == author)
            {
                return true;
            }

            return level switch
            {
                Visibility.Participants when a.Kind == RoleKind.Party => stage is null || c.Stage(stage).Participants.Contains(a.Party!),
                Visibility.Participants when a.Kind == RoleKind.Mediator => c.Mediator is not null && entered && (stage is null || FromEntry(stage)),
                Visibility.Mediator => a.Kind == RoleKind.Mediator && c.Mediator is not null,
                _ => false,
            };
        }

        /// <summary>What <paramref name="a"/> gets of <paramref name="e"/> (call after <see cref="Apply"/>).</summary>
        public Sight SightOf(StoredEvent e, Caller a)
        {
            var actor = Normalize(e.Actor);
            var conf = c.Confidentiality;
            bool Contents(string? stage, string author) => actor == a.Key || Reaches(conf.Contents, stage, author, a, Entered);
            bool Proposal(string id) => Contents(_proposals[id].Stage, _proposals[id].Author);
            var shown = e.Event switch
            {
                ProposalTabled p => Proposal(p.Proposal),
                ProposalCountered p => Proposal(p.Proposal),
                ProposalAccepted p => Proposal(p.Proposal),
                ProposalRejected p => Proposal(p.Proposal),
                ProposalWithdrawn p => Proposal(p.Proposal),
                AgreementSigned p => Proposal(p.Proposal),
                StageDoneAgreed d => Contents(d.Stage, actor),
                StatementIssued st => actor == a.Key || (st.Public
                    ? Reaches(conf.Statements, null, actor, a, Entered)
                    : Reaches(PrivateStatementLevel(conf), st.Stage, actor, a, Entered)),
                PositionSubmitted p => Reaches(conf.Positions, null, "party:" + p.Party, a, Entered),
                DisclosedToMediator d => Reaches(conf.DisclosureTo, null, "party:" + d.Party, a, Entered),
                TokenIssued or TokenRevoked => a.Kind == RoleKind.Organiser,
                BlindConsentSet b => a.Key == "party:" + b.Party || (a.Kind == RoleKind.Mediator && c.Mediator is not null),
                BlindCheckMade b => actor == a.Key || (a.Kind == RoleKind.Party && b.Parties.Contains(a.Party!)),
                BidRoundOpened b => SeesRound(b.Round, a),
                BidRoundSettled b => SeesRound(b.Round, a),
                BidSubmitted or SingleTextMarked => actor == a.Key,
                SingleTextTabled t => SeesText(t.Stage, a),
                SingleTextSubmitted t => SeesText(t.Stage, a),
                _ => a.Kind != RoleKind.Public,
            };
            if (!shown)
            {
                return Sight.Hidden;
            }

            var minutes = e.Event switch
            {
                MeetingHeld h => Contents(_meetings[h.Meeting].Stage, actor),
                MeetingCancelled m => Contents(_meetings[m.Meeting].Stage, actor),
                _ => true,
            };
            return minutes ? Sight.Shown : Sight.Redacted;
        }

        private bool SeesRound(string round, Caller a)
        {
            var r = _rounds[round];
            return a.Key == r.Opener || (a.Kind == RoleKind.Party && r.Bidders.Contains(a.Party!)) || Reaches(c.Confidentiality.Contents, r.Stage, r.Opener, a, Entered);
        }

        private bool SeesText(string stage, Caller a) =>
            (a.Kind == RoleKind.Mediator && c.Mediator is not null)
            || (a.Kind == RoleKind.Party && c.Stage(stage).Participants.Contains(a.Party!))
            || Reaches(c.Confidentiality.Contents, stage, "mediator", a, Entered);

        /// <summary>The write rules the event breaks, judged on the state before it (call before <see cref="Apply"/>).</summary>
        public List<string> Check(StoredEvent e)
        {
            var broken = new List<string>();
            var actor = Normalize(e.Actor);
            if (actor == "system")
            {
                return broken;
            }

            void Need(bool ok, string rule)
            {
                if (!ok)
                {
                    broken.Add(rule);
                }
            }

            bool IsParty(string party) => actor == "party:" + party;
            switch (e.Event)
            {
                case StageOpened o:
                    Seat(o.Stage, Need);
                    Need(_status[o.Stage] == StageStatus.Pending, $"stage {o.Stage} opened while {_status[o.Stage]}");
                    Need(c.Stage(o.Stage).After.All(x => _status[x] == StageStatus.Done), $"stage {o.Stage} opened before its after stages were done");
                    break;
                case StageClosed o:
                    Seat(o.Stage, Need);
                    Need(_status[o.Stage] == StageStatus.Open, $"stage {o.Stage} closed while {_status[o.Stage]}");
                    Need(o.Outcome != StageStatus.Done || c.Stage(o.Stage).Participants.All(p => _doneAgreed.Contains((o.Stage, p))), $"stage {o.Stage} closed as done before every participant agreed");
                    break;
                case StageDoneAgreed d:
                    Need(IsParty(d.Party) && c.Stage(d.Stage).Participants.Contains(d.Party), $"agreement to close {d.Stage} for {d.Party}: not a participant acting for itself");
                    Need(_status[d.Stage] == StageStatus.Open, $"agreement to close {d.Stage} while {_status[d.Stage]}");
                    break;
                case MeetingProposed m:
                    Seat(m.Stage, Need);
                    Need(_status[m.Stage] is StageStatus.Pending or StageStatus.Open, $"meeting proposed in {_status[m.Stage]} stage {m.Stage}");
                    break;
                case MeetingScheduled m:
                    Seat(_meetings[m.Meeting].Stage, Need);
                    Need(_meetings[m.Meeting].Status == MeetingStatus.Proposed, $"meeting {m.Meeting} scheduled while {_meetings[m.Meeting].Status}");
                    Need(c.Stage(_meetings[m.Meeting].Stage).Participants.All(p => _venueAccepted[_meetings[m.Meeting].Venue].Contains(p)), $"meeting {m.Meeting} scheduled before every participant accepted its venue");
                    break;
                case MeetingHeld m:
                    Seat(_meetings[m.Meeting].Stage, Need);
                    Need(_meetings[m.Meeting].Status == MeetingStatus.Scheduled, $"meeting {m.Meeting} held while {_meetings[m.Meeting].Status}");
                    Need(_status[_meetings[m.Meeting].Stage] == StageStatus.Open, $"meeting {m.Meeting} held in a stage that is not open");
                    break;
                case MeetingCancelled m:
                    Seat(_meetings[m.Meeting].Stage, Need);
                    Need(_meetings[m.Meeting].Status is MeetingStatus.Proposed or MeetingStatus.Scheduled, $"meeting {m.Meeting} cancelled while {_meetings[m.Meeting].Status}");
                    break;
                case DeadlineSet d when d.Stage is { } stage:
                    Seat(stage, Need);
                    break;
                case DeadlineSet or VenueProposed:
                    Need(actor != "mediator" || Entered, "the mediator acted before its entry stage opened");
                    break;
                case ProposalTabled p:
                    Tabled(p.Stage, p.Party, Need);
                    break;
                case ProposalCountered p:
                    Tabled(p.Stage, p.Party, Need);
                    Need(_proposals[p.CounterTo].Open && _proposals[p.CounterTo].Stage == p.Stage, $"counter to {p.CounterTo}, which is closed or of another stage");
                    break;
                case ProposalAccepted or ProposalRejected:
                    {
                        var (id, party) = e.Event is ProposalAccepted pa ? (pa.Proposal, pa.Party) : (((ProposalRejected)e.Event).Proposal, ((ProposalRejected)e.Event).Party);
                        var p = _proposals[id];
                        Need(IsParty(party), $"an answer for {party} appended by {actor}");
                        Need(p.Stage is not { } st || (c.Stage(st).Participants.Contains(party) && _status[st] == StageStatus.Open), $"{party} answered {id} outside an open table it sits at");
                        Need(p.Open, $"{party} answered {id}, which was countered, withdrawn or signed");
                        break;
                    }

                case ProposalWithdrawn w:
                    Need(actor == _proposals[w.Proposal].Author, $"{w.Proposal} withdrawn by {actor}, not by its author {_proposals[w.Proposal].Author}");
                    Need(!_proposals[w.Proposal].Withdrawn && _proposals[w.Proposal].Signed.Count == 0, $"{w.Proposal} withdrawn while withdrawn or signed");
                    break;
                case AgreementSigned s:
                    {
                        var p = _proposals[s.Proposal];
                        var signatories = p.Stage is { } st ? c.Stage(st).Participants : c.Parties;
                        Need(IsParty(s.Party), $"a signature for {s.Party} appended by {actor}");
                        Need(signatories.Contains(s.Party), $"{s.Party} signed {s.Proposal} but is not among the participants of {p.Stage ?? "the talks"}");
                        Need(p.CounteredBy == 0, $"{s.Party} signed {s.Proposal}, which was countered");
                        Need(!p.Withdrawn, $"{s.Party} signed {s.Proposal}, which was withdrawn");
                        Need(p.Rejected.Count == 0, $"{s.Party} signed {s.Proposal}, which {string.Join(",", p.Rejected)} currently reject");
                        Need(signatories.All(x => x == p.Party || p.Accepted.Contains(x)), $"{s.Party} signed {s.Proposal} before every participant accepted it");
                        Need(!p.Signed.Contains(s.Party), $"{s.Party} signed {s.Proposal} twice");
                        Need(p.Stage is not { } open || _status[open] == StageStatus.Open, $"{s.Party} signed {s.Proposal} while its stage is not open");
                        break;
                    }

                case StatementIssued st when st.Stage is { } stage:
                    Seat(stage, Need);
                    Need(!st.Public, "a public statement for one stage");
                    break;
                case PositionSubmitted p:
                    Need(IsParty(p.Party), $"the position of {p.Party} submitted by {actor}");
                    break;
                case DisclosedToMediator d:
                    Need(IsParty(d.Party), $"a disclosure of {d.Party} appended by {actor}");
                    Need(c.Confidentiality.DisclosureTo != Visibility.Private, "a disclosure although disclosure_to is private");
                    break;
                case NegotiatorAppointed n:
                    Need(IsParty(n.Party), $"a negotiator of {n.Party} appointed by {actor}");
                    break;
                case VenueAccepted v:
                    Need(IsParty(v.Party), $"venue accepted for {v.Party} by {actor}");
                    break;
                case VenueRejected v:
                    Need(IsParty(v.Party), $"venue rejected for {v.Party} by {actor}");
                    break;
                case TokenIssued or TokenRevoked or DeadlineExpired or TalksCreated:
                    broken.Add("only the system appends this");
                    break;
                case BlindConsentSet b:
                    Need(IsParty(b.Party), $"consent of {b.Party} given by {actor}");
                    break;
                case BlindCheckMade b:
                    Need(actor == "mediator", $"a blind check asked by {actor} (only the mediator may here)");
                    Need(b.Parties.All(p => _consented.Contains(p)), $"a blind check over {string.Join(",", b.Parties)}, not all of whom consented");
                    Need(b.Stage is null || b.Parties.All(p => c.Stage(b.Stage).Participants.Contains(p)), $"a blind check in {b.Stage} over non-participants");
                    break;
                case BidRoundOpened b:
                    Seat(b.Stage, Need);
                    Need(_status[b.Stage] == StageStatus.Open, $"a bidding round opened in {_status[b.Stage]} stage {b.Stage}");
                    break;
                case BidSubmitted b:
                    Need(IsParty(b.Party) && _rounds[b.Round].Bidders.Contains(b.Party), $"a bid for {b.Party} in {b.Round} appended by {actor}");
                    Need(!_rounds[b.Round].Bids.Contains(b.Party) && !_rounds[b.Round].Settled, $"{b.Party} bid twice or after {b.Round} settled");
                    break;
                case SingleTextTabled t:
                    Need(actor == "mediator", $"a single text tabled by {actor}");
                    Seat(t.Stage, Need);
                    Need(_status[t.Stage] == StageStatus.Open, $"a single text tabled in {_status[t.Stage]} stage {t.Stage}");
                    break;
                case SingleTextMarked m:
                    Need(IsParty(m.Party) && c.Stage(m.Stage).Participants.Contains(m.Party), $"marks for {m.Party} in {m.Stage} appended by {actor}");
                    break;
                case SingleTextSubmitted t:
                    Need(actor == "mediator", $"a single text sent to signature by {actor}");
                    break;
            }

            return broken;

            void Tabled(string? stage, string? party, Action<bool, string> need)
            {
                need(party == (actor.StartsWith("party:", StringComparison.Ordinal) ? actor["party:".Length..] : null), $"a proposal for party {party ?? "(none)"} appended by {actor}");
                if (stage is null)
                {
                    need(actor != "mediator" || Entered, "the mediator tabled for the talks before its entry stage opened");
                }
                else
                {
                    Seat(stage, need);
                    need(_status[stage] == StageStatus.Open, $"a proposal tabled in {_status[stage]} stage {stage}");
                }
            }

            void Seat(string stage, Action<bool, string> need)
            {
                if (actor == "mediator")
                {
                    need(Entered, $"the mediator acted in {stage} before its entry stage {c.MediatorEntersAt} opened");
                    need(FromEntry(stage), $"the mediator acted in {stage}, which is neither its entry stage {c.MediatorEntersAt} nor after it");
                }
                else
                {
                    need(actor.StartsWith("party:", StringComparison.Ordinal) && c.Stage(stage).Participants.Contains(actor["party:".Length..]), $"{actor} acted in {stage} but is not among its participants");
                }
            }
        }

        public void Apply(StoredEvent e)
        {
            var actor = Normalize(e.Actor);
            switch (e.Event)
            {
                case StageOpened o:
                    _status[o.Stage] = StageStatus.Open;
                    break;
                case StageClosed o:
                    _status[o.Stage] = o.Outcome;
                    break;
                case StageDoneAgreed d:
                    _doneAgreed.Add((d.Stage, d.Party));
                    break;
                case VenueProposed v:
                    _venueAccepted.TryAdd(v.Venue, new HashSet<string>(StringComparer.Ordinal));
                    break;
                case VenueAccepted v:
                    _venueAccepted[v.Venue].Add(v.Party);
                    break;
                case VenueRejected v:
                    _venueAccepted[v.Venue].Remove(v.Party);
                    break;
                case MeetingProposed m:
                    _meetings[m.Meeting] = (m.Stage, m.Venue, MeetingStatus.Proposed);
                    break;
                case MeetingScheduled m:
                    _meetings[m.Meeting] = _meetings[m.Meeting] with { Status = MeetingStatus.Scheduled };
                    break;
                case MeetingHeld m:
                    _meetings[m.Meeting] = _meetings[m.Meeting] with { Status = MeetingStatus.Held };
                    break;
                case MeetingCancelled m:
                    _meetings[m.Meeting] = _meetings[m.Meeting] with { Status = MeetingStatus.Cancelled };
                    break;
                case ProposalTabled p:
                    _proposals[p.Proposal] = new Prop(p.Stage, actor, p.Party);
                    break;
                case ProposalCountered p:
                    _proposals[p.Proposal] = new Prop(p.Stage, actor, p.Party);
                    _proposals[p.CounterTo].CounteredBy++;
                    break;
                case ProposalAccepted a:
                    _proposals[a.Proposal].Accepted.Add(a.Party);
                    _proposals[a.Proposal].Rejected.Remove(a.Party);
                    break;
                case ProposalRejected r:
                    _proposals[r.Proposal].Rejected.Add(r.Party);
                    _proposals[r.Proposal].Accepted.Remove(r.Party);
                    break;
                case ProposalWithdrawn w:
                    _proposals[w.Proposal].Withdrawn = true;
                    break;
                case AgreementSigned s:
                    _proposals[s.Proposal].Signed.Add(s.Party);
                    break;
                case BlindConsentSet b when b.Consent.Weights:
                    _consented.Add(b.Party);
                    break;
                case BlindConsentSet b:
                    _consented.Remove(b.Party);
                    break;
                case BidRoundOpened b:
                    _rounds[b.Round] = new Round(b.Stage, actor, b.Bidders);
                    break;
                case BidSubmitted b:
                    _rounds[b.Round].Bids.Add(b.Party);
                    break;
                case BidRoundSettled b:
                    _rounds[b.Round].Settled = true;
                    break;
            }
        }

        private sealed record Round(string Stage, string Opener, IReadOnlyList<string> Bidders)
        {
            public HashSet<string> Bids { get; } = new(StringComparer.Ordinal);

            public bool Settled { get; set; }
        }

        /// <summary>True when <paramref name="stage"/> is the mediator's entry stage or depends on it through <c>after</c>.</summary>
        private bool FromEntry(string stage)
        {
            if (c.MediatorEntersAt is not { } entry)
            {
                return true;
            }

            var seen = new HashSet<string>(StringComparer.Ordinal);
            var todo = new Stack<string>([stage]);
            while (todo.TryPop(out var next))
            {
                if (next == entry)
                {
                    return true;
                }

                if (seen.Add(next))
                {
                    foreach (var before in c.Stage(next).After)
                    {
                        todo.Push(before);
                    }
                }
            }

            return false;
        }

        private sealed class Prop(string? stage, string author, string? party)
        {
            public string? Stage { get; } = stage;

            public string Author { get; } = author;

            public string? Party { get; } = party;

            public int CounteredBy { get; set; }

            public bool Withdrawn { get; set; }

            public HashSet<string> Accepted { get; } = new(StringComparer.Ordinal);

            public HashSet<string> Rejected { get; } = new(StringComparer.Ordinal);

            public HashSet<string> Signed { get; } = new(StringComparer.Ordinal);

            public bool Open => CounteredBy == 0 && !Withdrawn && Signed.Count == 0;
        }
    }

    // ---- reading -------------------------------------------------------------------------------------------

    private sealed record ViewsRead(
        List<(string Part, string Json)> Parts,
        long? Version,
        bool AnalysisForbidden,
        string? AnalysisProblem,
        Dictionary<string, MeetingStatus>? Meetings,
        Confidentiality? Confidentiality);

    /// <summary>Everything the caller can read of the state, serialised as the API would.</summary>
    private static ViewsRead ReadViews(TalksProjection s, Caller a, IReadOnlyList<string> parties)
    {
        var parts = new List<(string Part, string Json)>();
        var overview = TalksViews.Overview(s, a);
        parts.Add(("overview", Json(overview)));
        parts.Add(("statements", Json(TalksViews.Statements(s, a))));
        parts.Add(("proposals", Json(TalksViews.Proposals(s, a))));
        foreach (var id in s.Proposals.Keys)
        {
            parts.Add(("proposal " + id, Json(TalksViews.Proposal(s, a, id))));
        }

        parts.Add(("disclosures", Json(TalksViews.Disclosures(s, a))));
        parts.Add(("own position", Json(TalksViews.OwnPosition(s, a))));
        foreach (var p in parties)
        {
            parts.Add(("position of " + p, Json(TalksViews.PositionOf(s, a, p))));
        }

        if ((a.Kind == RoleKind.Party && a.Party is not null) || (a.Kind == RoleKind.Mediator && s.Process.Mediator is not null))
        {
            parts.Add(("blind desk", Json(BlindViews.Desk(s, a))));
        }

        var forbidden = false;
        string? problem = null;
        try
        {
            parts.Add(("analysis", Json(TalksAnalysis.Run(s, a))));
        }
        catch (ForbiddenException)
        {
            forbidden = true;
        }
#pragma warning disable CA1031 // reported as a failure
        catch (Exception ex)
#pragma warning restore CA1031
        {
            problem = $"{ex.GetType().Name}: {ex.Message}";
        }

        return new ViewsRead(parts, overview.Version, forbidden, problem,
            overview.Meetings?.ToDictionary(m => m.Id, m => m.Status, StringComparer.Ordinal), overview.Confidentiality);
    }

    private static IReadOnlyList<Caller> Audiences(TalksCase c)
    {
        var list = c.Parties.Select(Caller.OfParty).ToList();
        if (c.Mediator is not null)
        {
            list.Add(Caller.Mediator);
        }

        list.AddRange([Caller.Observer, Caller.Organiser, Caller.Public]);
        return list;
    }

    private static TalksEvent Redacted(TalksEvent e) => e switch
    {
        MeetingHeld h => h with { Summary = "" },
        MeetingCancelled m => m with { Reason = "" },
        _ => e,
    };

    private static string Json<T>(T value) => JsonSerializer.Serialize(value, EventJson.Options);

    [GeneratedRegex(@"MK-\d+-\d+Z")]
    private static partial Regex MarkerPattern();

    private static IEnumerable<string> Markers(string text) => MarkerPattern().Matches(text).Select(m => m.Value).Distinct();

    /// <summary>Each marker found, with the first part it was found in and its context.</summary>
    private static Dictionary<string, (string Part, string Context)> Found(IEnumerable<(string Part, string Json)> parts)
    {
        var found = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        foreach (var (part, json) in parts)
        {
            foreach (Match m in MarkerPattern().Matches(json))
            {
                if (!found.ContainsKey(m.Value))
                {
                    var from = Math.Max(0, m.Index - 90);
                    found[m.Value] = (part, json[from..Math.Min(json.Length, m.Index + m.Length + 30)]);
                }
            }
        }

        return found;
    }

    private static string Describe(Origin o) =>
        $"{o.Kind} by {o.Actor}{(o.Stage is null ? "" : " in " + o.Stage)}{(o.Author is null || o.Author == o.Actor ? "" : " on an item of " + o.Author)}{(o.Party is null ? "" : " of " + o.Party)} at v{o.Version}{(o.Step >= 0 ? ", command #" + o.Step.ToString(CultureInfo.InvariantCulture) : "")}";

    // ---- results -------------------------------------------------------------------------------------------

    private sealed class CaseResult(TalksCase c)
    {
        public TalksCase Case { get; } = c;

        public TalksCaseDriver? Driver { get; set; }

        public List<(string Category, string Text)> Failures { get; } = [];

        public Dictionary<string, int> Counts { get; } = new(StringComparer.Ordinal);

        public void Fail(string category, string text) => Failures.Add((category, text));

        public void Count(string what) => Counts[what] = Counts.GetValueOrDefault(what) + 1;

        public Dictionary<string, double> Seconds { get; } = new(StringComparer.Ordinal);

        public void Time(string what, Stopwatch phase)
        {
            Seconds[what] = Seconds.GetValueOrDefault(what) + phase.Elapsed.TotalSeconds;
            phase.Restart();
        }
    }

    private static string Report(string kind, int seed, List<CaseResult> failed)
    {
        var text = new StringBuilder();
        var failures = failed.SelectMany(r => r.Failures.Select(f => (r.Case, f.Category, f.Text))).ToList();
        text.Append(CultureInfo.InvariantCulture, $"{kind}, seed {seed}: {failures.Count} failures in {failed.Count} cases (rerun one with PARLEY_CONFIDENTIALITY_SEED={seed} PARLEY_CONFIDENTIALITY_CASE=<case>)\n");
        foreach (var group in failures.GroupBy(f => f.Category).OrderByDescending(g => g.Count()))
        {
            text.Append(CultureInfo.InvariantCulture, $"\n== {group.Key}: {group.Count()} in {group.Select(g => g.Case.Index).Distinct().Count()} cases (first: {string.Join(", ", group.Select(g => g.Case.Index).Distinct().Take(12))})\n");
            foreach (var (c, _, detail) in group.DistinctBy(g => g.Case.Index).Take(4))
            {
                text.Append(CultureInfo.InvariantCulture, $"  seed {seed} case {c.Index} ({c.TalksId}): {detail}\n");
            }
        }

        var first = failed[0];
        text.Append(CultureInfo.InvariantCulture, $"\n== case {first.Case.Index} in full\n{first.Case.Yaml}\n");
        foreach (var line in first.Driver?.Log ?? [])
        {
            text.Append("  ").Append(line).Append('\n');
        }

        foreach (var (category, detail) in first.Failures.Take(30))
        {
            text.Append(CultureInfo.InvariantCulture, $"  [{category}] {detail}\n");
        }

        return text.ToString();
    }

    private static string Summarise(string kind, int seed, List<CaseResult> all, TimeSpan elapsed)
    {
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var (what, n) in all.SelectMany(r => r.Counts))
        {
            counts[what] = counts.GetValueOrDefault(what) + n;
        }

        var refusals = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var (why, n) in all.Where(r => r.Driver is not null).SelectMany(r => r.Driver!.Refusals))
        {
            refusals[why] = refusals.GetValueOrDefault(why) + n;
        }

        var commands = all.Sum(r => r.Driver?.Commands ?? 0);
        var markers = all.Sum(r => r.Driver?.Written.Count ?? 0);
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{kind}, seed {seed}: {all.Count} cases, {commands} commands ({refusals.Values.Sum()} refused), {markers} markers written, in {elapsed.TotalSeconds:0.0} s\n");
        text.Append("  appended: ").AppendJoin(", ", counts.Select(kv => $"{kv.Key} {kv.Value}")).Append('\n');
        text.Append("  time per phase (summed over cases): ").AppendJoin(", ", all.SelectMany(r => r.Seconds).GroupBy(kv => kv.Key).Select(g => $"{g.Key} {g.Sum(kv => kv.Value):0.0} s")).Append('\n');
        text.Append("  cases where the mediator's views show an item written before it entered, whose event it never received: ")
            .AppendJoin(", ", all.Where(r => r.Counts.ContainsKey(RetroactiveKey)).Select(r => r.Case.Index).Take(10)).Append('\n');
        text.Append("  refused: ").AppendJoin(", ", refusals.Select(kv => $"{kv.Key} {kv.Value}")).Append('\n');
        return text.ToString();
    }

    /// <summary>The generator must reach every kind of item and refusal, or the property is vacuous: what it rarely reaches, or null.</summary>
    private static string? Coverage(List<CaseResult> all)
    {
        string[] needed =
        [
            "proposal-tabled", "proposal-countered", "proposal-accepted", "proposal-rejected", "proposal-withdrawn", "agreement-signed",
            "meeting-proposed", "meeting-scheduled", "meeting-held", "meeting-cancelled", "statement-issued", "position-submitted",
            "disclosed-to-mediator", "deadline-set", "stage-opened", "stage-closed", "stage-done-agreed", "venue-proposed",
            "negotiator-appointed", "proposal by the mediator", "system token-revoked",
        ];
        var counts = all.SelectMany(r => r.Counts).GroupBy(kv => kv.Key).ToDictionary(g => g.Key, g => g.Sum(kv => kv.Value), StringComparer.Ordinal);
        var thin = needed.Where(n => counts.GetValueOrDefault(n) < 10).Select(n => $"{n} ({counts.GetValueOrDefault(n)})").ToList();
        var refusals = all.Where(r => r.Driver is not null).SelectMany(r => r.Driver!.Refusals).GroupBy(kv => kv.Key).ToDictionary(g => g.Key, g => g.Sum(kv => kv.Value), StringComparer.Ordinal);
        string[] refused =
        [
            nameof(ForbiddenException), nameof(NotFoundException), "rule " + TalksRules.MediatorEntry, "rule " + TalksRules.Participants,
            "rule " + TalksRules.AgreementConsensus, "rule " + TalksRules.Lifecycle, "rule " + TalksRules.StageOrder, "rule " + TalksRules.VenueConsensus,
        ];
        thin.AddRange(refused.Where(r => refusals.GetValueOrDefault(r) < 10).Select(r => $"refusal {r} ({refusals.GetValueOrDefault(r)})"));
        return thin.Count == 0 ? null : $"== coverage: the generator rarely reaches {string.Join(", ", thin)}";
    }

    private static int Setting(string name, int fallback) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;
}
