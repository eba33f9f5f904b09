using System.Collections.Concurrent;
using System.Threading.Channels;
using Parley.Model;
using Parley.Scenarios;
using Parley.Talks.Access;
using Parley.Talks.Ledger;
using Parley.Talks.ReadModel;
using Parley.Talks.Rules;
using Parley.Talks.Storage;

namespace Parley.Talks.Service;

/// <summary>
/// Runs talks on an <see cref="IEventStore"/>: authenticates tokens, decides commands with
/// <see cref="TalksRules"/> against the read model, appends with the expected version and the
/// idempotency key, and folds what was appended into the cached read model, which it then pushes to
/// live subscribers. Commands and reads of one talks are serialised by a per-talks lock; different
/// talks run in parallel (and both stores group-commit their appends). Before every read the cache
/// catches up with the store, so several instances can share one PostgreSQL; a command is first decided
/// on the cache and appended at its version (the store refuses a stale one), and only then re-read.
/// Thread-safe.
/// </summary>
public sealed class TalksService
{
    private const int ReadPage = 1000;
    private const int SubscriberBuffer = 1024;

    // Checked-path attempts of a command whose append keeps meeting other instances' appends.
    private const int MaxAttempts = 3;

    private readonly IEventStore _store;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    // Live token records by hash (never the token): kept where every revocation is seen here (a single-writer store,
    // or a store that signals every instance's revocations); revocation removes them.
    private readonly ConcurrentDictionary<string, TokenRecord> _tokens = new(StringComparer.Ordinal);

    // Moves on every revocation signal, so a lookup that overlapped one does not cache what it read.
    private long _revocations;

    /// <summary>Creates the service over a migrated store.</summary>
    public TalksService(IEventStore store, TimeProvider time)
    {
        _store = store;
        _time = time;
        _store.AppendedElsewhere += OnAppendedElsewhere;
        _store.TokenRevoked += OnTokenRevoked;
    }

    /// <summary>The store.</summary>
    public IEventStore Store => _store;

    /// <summary>The clock.</summary>
    public TimeProvider Time => _time;

    /// <summary>
    /// Opens talks from a scenario: its public part, stage statuses, venues, deadlines and one
    /// private position per party are appended as the first events; one token per role is issued.
    /// </summary>
    /// <exception cref="ConcurrencyException">Talks with that id exist.</exception>
    public async Task<CreatedTalks> CreateAsync(Scenario scenario, string? id = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var talksId = id ?? scenario.Id;
        TalksRules.Require(talksId.Length is > 0 and <= 64 && talksId.All(ch => char.IsAsciiLetterOrDigit(ch) || ch is '-' or '_' or '.'),
            TalksRules.References, "id: 1–64 letters, digits, '-', '_' or '.'");
        var events = InitialEvents(scenario);
        await _store.AppendAsync(new AppendRequest(talksId, 0, null, "create", Caller.System.Actor, _time.GetUtcNow(), events), cancellationToken).ConfigureAwait(false);
        return new CreatedTalks(talksId, await IssueTokensAsync(talksId, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>
    /// Opens a scenario as talks, or keeps existing talks of that id. For existing talks no token is
    /// issued unless <paramref name="newTokens"/>, which rotates every live role token (the old ones are revoked).
    /// </summary>
    public async Task<CreatedTalks> OpenAsync(Scenario scenario, bool newTokens, string? id = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        try
        {
            return await CreateAsync(scenario, id, cancellationToken).ConfigureAwait(false);
        }
        catch (ConcurrencyException)
        {
            var talksId = id ?? scenario.Id;
            if (!newTokens)
            {
                return new CreatedTalks(talksId, [], Existing: true);
            }

            foreach (var live in (await _store.ListTokensAsync(talksId, cancellationToken).ConfigureAwait(false)).Where(t => !t.Revoked))
            {
                await RevokeTokenAsync(talksId, live.Id, "rotated on reopening", cancellationToken).ConfigureAwait(false);
            }

            return new CreatedTalks(talksId, await IssueTokensAsync(talksId, cancellationToken).ConfigureAwait(false), Existing: true);
        }
    }

    /// <summary>Issues a fresh token per role of existing talks (party per party, mediator, observer).</summary>
    public async Task<IReadOnlyList<IssuedToken>> IssueTokensAsync(string talksId, CancellationToken cancellationToken = default)
    {
        var roles = await ReadAsync(talksId, s =>
        {
            var list = s.Scenario.Parties.Select(p => (RoleKind.Party, (string?)p.Id, $"{p.Name} delegation")).ToList();
            if (s.Process.Mediator is { } mediator)
            {
                list.Add((RoleKind.Mediator, null, $"mediator ({mediator})"));
            }

            list.Add((RoleKind.Observer, null, "observer"));
            return list;
        }, cancellationToken).ConfigureAwait(false);
        var tokens = new List<IssuedToken>();
        foreach (var (kind, party, label) in roles)
        {
            tokens.Add(await IssueTokenAsync(talksId, kind, party, label, cancellationToken).ConfigureAwait(false));
        }

        return tokens;
    }

    /// <summary>Issues one token of talks for a delegation, the mediator or an observer; a <see cref="TokenIssued"/> event records it.</summary>
    /// <exception cref="RuleViolationException">No such party, no mediator, or a role that is not issued per talks.</exception>
    public async Task<IssuedToken> IssueTokenAsync(string talksId, RoleKind kind, string? party, string? label, CancellationToken cancellationToken = default)
    {
        var name = await ReadAsync(talksId, s =>
        {
            TalksRules.Require(kind is RoleKind.Party or RoleKind.Mediator or RoleKind.Observer, TalksRules.References, "kind: one of party, mediator, observer");
            TalksRules.Require(kind != RoleKind.Party || (party is not null && s.Scenario.FindParty(party) is not null), TalksRules.References, $"party: no party '{party}'");
            TalksRules.Require(kind == RoleKind.Party || party is null, TalksRules.References, "party: only a party delegation token names a party");
            TalksRules.Require(kind != RoleKind.Mediator || s.Process.Mediator is not null, TalksRules.References, "kind: these talks have no mediator");
            return kind switch
            {
                RoleKind.Party => $"{s.Scenario.FindParty(party!)!.Name} delegation",
                RoleKind.Mediator => $"mediator ({s.Process.Mediator})",
                _ => "observer",
            };
        }, cancellationToken).ConfigureAwait(false);
        var text = string.IsNullOrWhiteSpace(label) ? name : label.Trim();
        TalksRules.Require(text.Length <= 200, TalksRules.References, "label: at most 200 characters");
        var token = Tokens.NewToken();
        var record = new TokenRecord(Tokens.Hash(token), talksId, kind, party, text);
        await _store.AddTokenAsync(record, cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(talksId, Caller.System, null, "token-issued:" + record.Id, "token-issued:" + record.Id,
            (_, _) => [new TokenIssued(record.Id, kind, party, text)], cancellationToken).ConfigureAwait(false);
        return new IssuedToken(record.Id, kind, party, text, token);
    }

    /// <summary>Revokes a token of the talks: it answers 401 from now on and its live feeds end. A <see cref="TokenRevoked"/> event records it.</summary>
    /// <exception cref="NotFoundException">No live token with that id in these talks.</exception>
    public async Task RevokeTokenAsync(string talksId, string tokenId, string? reason, CancellationToken cancellationToken = default)
    {
        var record = (await _store.ListTokensAsync(talksId, cancellationToken).ConfigureAwait(false)).FirstOrDefault(t => t.Id == tokenId && !t.Revoked)
            ?? throw new NotFoundException($"no live token {tokenId}");
        var why = (reason ?? "").Trim();
        TalksRules.Require(why.Length <= 200, TalksRules.References, "reason: at most 200 characters");
        await _store.RevokeTokenAsync(record.Hash, _time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        _tokens.TryRemove(record.Hash, out _);
        if (_entries.TryGetValue(talksId, out var entry))
        {
            lock (entry.Subscribers)
            {
                foreach (var subscriber in entry.Subscribers.Where(x => x.TokenHash == record.Hash))
                {
                    subscriber.Channel.Writer.TryComplete(new UnauthorizedAccessException("the token was revoked"));
                }
            }
        }

        await ExecuteAsync(talksId, Caller.System, null, "token-revoked:" + record.Id, "token-revoked:" + record.Id,
            (_, _) => [new TokenRevoked(record.Id, why)], cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Replaces a live token by a new one for the same role (the old one is revoked).</summary>
    public async Task<IssuedToken> RotateTokenAsync(string talksId, string tokenId, CancellationToken cancellationToken = default)
    {
        var record = (await _store.ListTokensAsync(talksId, cancellationToken).ConfigureAwait(false)).FirstOrDefault(t => t.Id == tokenId && !t.Revoked)
            ?? throw new NotFoundException($"no live token {tokenId}");
        var issued = await IssueTokenAsync(talksId, record.Kind, record.Party, record.Label, cancellationToken).ConfigureAwait(false);
        await RevokeTokenAsync(talksId, tokenId, $"rotated to {issued.Id}", cancellationToken).ConfigureAwait(false);
        return issued;
    }

    /// <summary>The token records of a talks (hashes are not shown by the API; ids are).</summary>
    public Task<IReadOnlyList<TokenRecord>> ListTokensAsync(string talksId, CancellationToken cancellationToken = default) =>
        _store.ListTokensAsync(talksId, cancellationToken);

    /// <summary>
    /// The organiser's credential, issued when there is no live one (or when <paramref name="rotate"/>,
    /// revoking the old): returned once, then never again; null when a live one exists and was kept.
    /// </summary>
    public async Task<IssuedToken?> EnsureOrganiserAsync(bool rotate, CancellationToken cancellationToken = default)
    {
        var live = (await _store.ListTokensAsync(TokenRecord.AnyTalks, cancellationToken).ConfigureAwait(false)).Where(t => !t.Revoked).ToList();
        if (live.Count > 0 && !rotate)
        {
            return null;
        }

        foreach (var old in live)
        {
            await _store.RevokeTokenAsync(old.Hash, _time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
            _tokens.TryRemove(old.Hash, out _);
        }

        var token = Tokens.NewToken();
        var record = new TokenRecord(Tokens.Hash(token), TokenRecord.AnyTalks, RoleKind.Organiser, null, "organiser");
        await _store.AddTokenAsync(record, cancellationToken).ConfigureAwait(false);
        return new IssuedToken(record.Id, RoleKind.Organiser, null, record.Label, token);
    }

    /// <summary>
    /// The caller a bearer token stands for in the given talks: <see cref="Caller.Public"/> without a
    /// token, null for a token that is unknown, revoked or belongs to other talks.
    /// </summary>
    public async Task<Caller?> AuthenticateAsync(string talksId, string? token, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(token))
        {
            return Caller.Public;
        }

        var record = await FindTokenAsync(token, cancellationToken).ConfigureAwait(false);
        if (record is null || (record.TalksId != talksId && record.TalksId != TokenRecord.AnyTalks))
        {
            return null;
        }

        return record.Kind switch
        {
            RoleKind.Party => Caller.OfParty(record.Party!),
            RoleKind.Mediator => Caller.Mediator,
            RoleKind.Observer => Caller.Observer,
            RoleKind.Organiser => Caller.Organiser,
            _ => null,
        };
    }

    /// <summary>The live token record of a token, or null (unknown or revoked).</summary>
    public async Task<TokenRecord?> FindTokenAsync(string token, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 200)
        {
            return null;
        }

        var hash = Tokens.Hash(token);
        if (_tokens.TryGetValue(hash, out var cached))
        {
            return cached;
        }

        var revocations = Interlocked.Read(ref _revocations);
        var record = await _store.FindTokenAsync(hash, cancellationToken).ConfigureAwait(false);
        if (record is null || record.Revoked)
        {
            return null;
        }

        // Cached only where every revocation reaches this instance; with a shared database that is the store's
        // signal, and a revocation signalled while the lookup ran (or a gap in the signal) keeps it out of the cache.
        if (_store.SingleWriter)
        {
            _tokens.TryAdd(hash, record);
        }
        else if (_store.SignalsRevocations && Interlocked.Read(ref _revocations) == revocations)
        {
            _tokens.TryAdd(hash, record);
            if (Interlocked.Read(ref _revocations) != revocations)
            {
                // A signal came between the check and the add: it may have been this token's.
                _tokens.TryRemove(hash, out _);
            }
        }

        return record;
    }

    /// <summary>A token was revoked somewhere (hash), or revocations may have been missed (null): forget what it may have changed.</summary>
    private void OnTokenRevoked(string? hash)
    {
        Interlocked.Increment(ref _revocations);
        if (hash is null)
        {
            _tokens.Clear();
        }
        else
        {
            _tokens.TryRemove(hash, out _);
        }
    }

    /// <summary>Runs <paramref name="view"/> on the up-to-date read model (under the talks' lock: do not keep references).</summary>
    /// <exception cref="NotFoundException">No such talks.</exception>
    public async Task<T> ReadAsync<T>(string talksId, Func<TalksProjection, T> view, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(view);
        var entry = await EntryAsync(talksId, cancellationToken).ConfigureAwait(false);
        await entry.Lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await CatchUpAsync(entry, cancellationToken).ConfigureAwait(false);
            return view(entry.Projection);
        }
        finally
        {
            entry.Lock.Release();
        }
    }

    /// <summary>
    /// Decides and appends a command. Who may write is checked first. An idempotency key is the
    /// caller's own: seen before, the first result is returned and nothing appended (even if the
    /// command would now be refused). An expected version is the caller's view version; another
    /// throws <see cref="ConcurrencyException"/>. Versions in the result are the caller's.
    /// <para>
    /// Fast path, no read before the append: the command is decided on the cached read model and
    /// appended with the idempotency key and the cache's version, which the store checks atomically (key
    /// first, then version). When this service was the last writer the cache is current and the append
    /// is the only round trip. Anything else (a stale cache's version conflict, a refusal, an expected
    /// version that differs, a command with nothing to append) takes the checked path: catch up, look
    /// the key up, compare the expected version, decide again, append; a version conflict there (another
    /// instance appended meanwhile) re-reads and re-decides, up to <see cref="MaxAttempts"/> times.
    /// </para>
    /// </summary>
    public async Task<CommandResult> ExecuteAsync(
        string talksId,
        Caller caller,
        long? expectedVersion,
        string? idempotencyKey,
        string requestHash,
        Func<TalksProjection, Caller, IReadOnlyList<TalksEvent>> decide,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(decide);
        if (!caller.IsSystem)
        {
            TalksRules.RequireWriter(caller);
        }

        var entry = await EntryAsync(talksId, cancellationToken).ConfigureAwait(false);
        await entry.Lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var key = idempotencyKey is null ? null : caller.Key + "\n" + idempotencyKey;
            var request = new Command(talksId, caller, expectedVersion, key, requestHash, decide);
            return await TryOnCacheAsync(entry, request).ConfigureAwait(false)
                ?? await CheckedAsync(entry, request, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            entry.Lock.Release();
        }
    }

    /// <summary>
    /// A page of the caller's share of the ledger: its events after its own sequence number
    /// <paramref name="afterSeq"/>, filtered and redacted by the policy, numbered by its own sequence.
    /// </summary>
    public async Task<EventPage> ReadEventsAsync(string talksId, Caller caller, long afterSeq, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        var (slice, count) = await ReadAsync(talksId, s =>
        {
            var view = s.ViewOf(caller);
            var from = Math.Clamp(afterSeq, 0, view.Count);
            var to = Math.Min(view.Count, from + limit);
            var list = new List<(long Seq, long Version, bool Redacted)>();
            for (var seq = from + 1; seq <= to; seq++)
            {
                list.Add((seq, view.VersionAt(seq), view.RedactedAt(seq)));
            }

            return (list, view.Count);
        }, cancellationToken).ConfigureAwait(false);
        if (slice.Count == 0)
        {
            return new EventPage([], count, null);
        }

        var wanted = slice.ToDictionary(x => x.Version);
        var events = new List<EventView>(slice.Count);
        var cursor = slice[0].Version - 1;
        var last = slice[^1].Version;
        while (cursor < last)
        {
            var page = await _store.ReadAsync(talksId, cursor, (int)Math.Min(ReadPage, last - cursor), cancellationToken).ConfigureAwait(false);
            if (page.Count == 0)
            {
                break;
            }

            foreach (var e in page)
            {
                if (wanted.TryGetValue(e.Version, out var w))
                {
                    events.Add(TalksViews.View(e, w.Seq, w.Redacted));
                }
            }

            cursor = page[^1].Version;
        }

        return new EventPage(events, count, slice[^1].Seq < count ? slice[^1].Seq : null);
    }

    /// <summary>
    /// The caller's live events of a talks from now on. Dispose the subscription to stop. Events appended
    /// by other instances arrive when this instance next catches up. A subscriber more than the buffer
    /// behind is cut off (<see cref="SubscriberTooSlowException"/>); one whose token is revoked, too.
    /// </summary>
    public async Task<Subscription> SubscribeAsync(string talksId, Caller caller, string? tokenHash, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var entry = await EntryAsync(talksId, cancellationToken).ConfigureAwait(false);
        var channel = Channel.CreateBounded<EventView>(new BoundedChannelOptions(SubscriberBuffer) { FullMode = BoundedChannelFullMode.Wait, SingleReader = true });
        // One pending notice is enough: it says "read the desk again", however many changes it stands for.
        var desk = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });
        var subscriber = new Subscriber(caller, tokenHash, channel, BlindViews.UsesDesk(entry.Projection, caller) ? desk : null);
        lock (entry.Subscribers)
        {
            entry.Subscribers.Add(subscriber);
        }

        return new Subscription(channel.Reader, desk.Reader, () =>
        {
            lock (entry.Subscribers)
            {
                entry.Subscribers.Remove(subscriber);
            }

            channel.Writer.TryComplete();
            desk.Writer.TryComplete();
        });
    }

    /// <summary>
    /// Expires every deadline whose day has ended by the service's clock, appending its consequence.
    /// Idempotent (one key per deadline), so instances sharing a store never double-expire.
    /// </summary>
    /// <returns>The number of deadlines expired by this call.</returns>
    public async Task<int> ExpireDueDeadlinesAsync(CancellationToken cancellationToken = default)
    {
        var now = _time.GetUtcNow();
        var expired = 0;
        string? after = null;
        while (true)
        {
            var page = await _store.ListTalksAsync(after, 100, cancellationToken).ConfigureAwait(false);
            foreach (var talks in page)
            {
                var due = await ReadAsync(talks.Id, s => s.Deadlines.Values.Where(d => !d.Expired && d.DueAt <= now).Select(d => d.Id).ToList(), cancellationToken).ConfigureAwait(false);
                foreach (var deadline in due)
                {
                    var result = await ExecuteAsync(talks.Id, Caller.System, null, "deadline-expired:" + deadline, "deadline-expired:" + deadline,
                        (s, _) => TalksRules.ExpireDeadline(s, s.Deadlines[deadline]), cancellationToken).ConfigureAwait(false);
                    if (!result.Replayed && result.LastVersion >= result.FirstVersion)
                    {
                        expired++;
                    }
                }
            }

            if (page.Count < 100)
            {
                return expired;
            }

            after = page[^1].Id;
        }
    }

    internal static IReadOnlyList<TalksEvent> InitialEvents(Scenario scenario)
    {
        var events = new List<TalksEvent>
        {
            new TalksCreated(scenario.Title, ScenarioWriter.Write(PublicPart(scenario))),
        };
        var process = scenario.Process;
        foreach (var stage in process?.Stages ?? ValueList<Stage>.Empty)
        {
            if (stage.Status != StageStatus.Pending)
            {
                events.Add(new StageOpened(stage.Id));
            }

            if (stage.Status is StageStatus.Done or StageStatus.Failed)
            {
                events.Add(new StageClosed(stage.Id, stage.Status, "as of the scenario"));
            }
        }

        foreach (var venue in process?.Venues ?? ValueList<Venue>.Empty)
        {
            events.Add(new VenueProposed(venue.Id, venue.Name));
            events.AddRange(venue.AcceptedBy.Select(p => new VenueAccepted(venue.Id, p)));
            events.AddRange(venue.RejectedBy.Select(p => new VenueRejected(venue.Id, p)));
        }

        foreach (var d in process?.Deadlines ?? ValueList<Deadline>.Empty)
        {
            events.Add(new DeadlineSet(d.Id, d.Name, d.Date, d.Stage, d.SetBy, d.Consequence, d.ConsequenceNote));
        }

        events.AddRange(scenario.Preferences.Select(p => new PositionSubmitted(p.PartyId, Positions.FromPreferences(scenario, p))));
        return events;
    }

    /// <summary>Another instance appended: fold it now if someone is watching the live feed here.</summary>
    private void OnAppendedElsewhere(string talksId)
    {
        if (!_entries.TryGetValue(talksId, out var entry))
        {
            return;
        }

        lock (entry.Subscribers)
        {
            if (entry.Subscribers.Count == 0)
            {
                return;
            }
        }

        _ = Task.Run(async () =>
        {
            await entry.Lock.WaitAsync().ConfigureAwait(false);
            try
            {
                await CatchUpAsync(entry, CancellationToken.None).ConfigureAwait(false);
            }
#pragma warning disable CA1031 // Best effort: the next request to this talks catches up anyway.
            catch (Exception)
#pragma warning restore CA1031
            {
            }
            finally
            {
                entry.Lock.Release();
            }
        });
    }

    /// <summary>
    /// What of a scenario the ledger shows to every participant: parties, issues and process. Dropped:
    /// preferences (private; they enter as positions), and the conflict, simulation and forecast
    /// sections, which hold parties' rankings, strategies and positions.
    /// </summary>
    internal static Scenario PublicPart(Scenario scenario) =>
        scenario with { Preferences = ValueList<PartyPreferences>.Empty, Conflict = null, Simulation = null, Forecast = null };

    private async Task<Entry> EntryAsync(string talksId, CancellationToken cancellationToken)
    {
        if (_entries.TryGetValue(talksId, out var entry))
        {
            return entry;
        }

        var events = new List<StoredEvent>();
        while (true)
        {
            var page = await _store.ReadAsync(talksId, events.Count == 0 ? 0 : events[^1].Version, ReadPage, cancellationToken).ConfigureAwait(false);
            events.AddRange(page);
            if (page.Count < ReadPage)
            {
                break;
            }
        }

        if (events.Count == 0)
        {
            throw new NotFoundException("no such talks");
        }

        return _entries.GetOrAdd(talksId, _ => new Entry(TalksProjection.Replay(talksId, events)));
    }

    private async Task CatchUpAsync(Entry entry, CancellationToken cancellationToken)
    {
        if (_store.SingleWriter)
        {
            // Every append went through this service, which folded it: nothing to catch up with.
            return;
        }

        while (true)
        {
            var page = await _store.ReadAsync(entry.Projection.Id, entry.Projection.Version, ReadPage, cancellationToken).ConfigureAwait(false);
            Fold(entry, page);
            if (page.Count < ReadPage)
            {
                return;
            }
        }
    }

    /// <summary>
    /// The fast path of <see cref="ExecuteAsync"/>: decide on the cache and append, the store checking
    /// key and version. Null when the checked path must answer instead (nothing was appended then).
    /// </summary>
    private async Task<CommandResult?> TryOnCacheAsync(Entry entry, Command command)
    {
        var projection = entry.Projection;
        if (command.ExpectedVersion is { } expected && expected != projection.ViewOf(command.Caller).Count)
        {
            return null;
        }

        IReadOnlyList<TalksEvent> events;
        try
        {
            events = command.Decide(projection, command.Caller);
        }
#pragma warning disable CA1031 // A refusal on the cache may be stale or a replay: the checked path decides again and gives the answer.
        catch (Exception)
#pragma warning restore CA1031
        {
            return null;
        }

        if (events.Count == 0)
        {
            return null;
        }

        try
        {
            return await AppendAsync(entry, command, events, CancellationToken.None).ConfigureAwait(false);
        }
        catch (ConcurrencyException) when (!_store.SingleWriter)
        {
            // The cache was behind another instance's appends; nothing was appended.
            return null;
        }
    }

    /// <summary>The checked path of <see cref="ExecuteAsync"/>: every check against the store's current state, in the contract's order.</summary>
    private async Task<CommandResult> CheckedAsync(Entry entry, Command command, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            await CatchUpAsync(entry, cancellationToken).ConfigureAwait(false);
            var projection = entry.Projection;
            var view = projection.ViewOf(command.Caller);
            if (command.Key is not null
                && await _store.FindIdempotentAsync(command.TalksId, command.Key, command.RequestHash, cancellationToken).ConfigureAwait(false) is { } seen)
            {
                return command.Caller.IsSystem
                    ? new CommandResult(seen.FirstVersion, seen.LastVersion, Replayed: true)
                    : new CommandResult(view.SeqAtOrBefore(seen.FirstVersion - 1) + 1, view.SeqAtOrBefore(seen.LastVersion), Replayed: true);
            }

            if (command.ExpectedVersion is { } expected && expected != view.Count)
            {
                throw new ConcurrencyException(command.TalksId, expected, view.Count);
            }

            var events = command.Decide(projection, command.Caller);
            if (events.Count == 0)
            {
                return new CommandResult(view.Count + 1, view.Count, Replayed: false);
            }

            try
            {
                return await AppendAsync(entry, command, events, cancellationToken).ConfigureAwait(false);
            }
            catch (ConcurrencyException) when (!_store.SingleWriter && attempt < MaxAttempts)
            {
                // Another instance appended between the catch-up and the append: re-read and re-decide.
            }
        }
    }

    /// <summary>Appends decided events at the cache's version and folds them; a replayed key catches up instead.</summary>
    private async Task<CommandResult> AppendAsync(Entry entry, Command command, IReadOnlyList<TalksEvent> events, CancellationToken cancellationToken)
    {
        var talksId = command.TalksId;
        var caller = command.Caller;
        var at = _time.GetUtcNow();
        AppendResult result;
        try
        {
            result = await _store.AppendAsync(new AppendRequest(talksId, entry.Projection.Version, command.Key, command.RequestHash, caller.Actor, at, events), CancellationToken.None).ConfigureAwait(false);
        }
        catch (ConcurrencyException) when (!_store.SingleWriter)
        {
            // Nothing was appended and the cache is a true prefix of the stream: the caller catches up and re-decides.
            throw;
        }
        catch (Exception ex) when (ex is not IdempotencyKeyReusedException)
        {
            // A single writer's conflict means another service on the same file; any other failure leaves
            // the outcome unknown. Either way, forget the cache so the next request reloads from the store.
            _entries.TryRemove(talksId, out _);
            throw;
        }

        if (result.Replayed)
        {
            await CatchUpAsync(entry, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            var stored = events.Select((e, i) => new StoredEvent(talksId, result.FirstVersion + i, caller.Actor, at, e)).ToList();
            Fold(entry, stored);
        }

        if (caller.IsSystem)
        {
            return new CommandResult(result.FirstVersion, result.LastVersion, result.Replayed);
        }

        var view = entry.Projection.ViewOf(caller);
        return new CommandResult(view.SeqAtOrBefore(result.FirstVersion - 1) + 1, view.SeqAtOrBefore(result.LastVersion), result.Replayed);
    }

    private static void Fold(Entry entry, IReadOnlyList<StoredEvent> events)
    {
        foreach (var e in events)
        {
            lock (entry.Subscribers)
            {
                // The desk as each desk subscriber saw it before this event, where not yet known.
                foreach (var subscriber in entry.Subscribers.Where(x => x.Desk is not null && x.LastDesk is null))
                {
                    subscriber.LastDesk = DeskFingerprint(entry.Projection, subscriber.Caller);
                }

                entry.Projection.Apply(e);
                foreach (var subscriber in entry.Subscribers)
                {
                    var view = entry.Projection.ViewOf(subscriber.Caller);
                    var delivered = view.Count > 0 && view.VersionAt(view.Count) == e.Version;
                    if (delivered && !subscriber.Channel.Writer.TryWrite(TalksViews.View(e, view.Count, view.RedactedAt(view.Count))))
                    {
                        // Never skip: cut the subscriber off; it resumes from its last event id.
                        subscriber.Channel.Writer.TryComplete(new SubscriberTooSlowException());
                    }

                    if (subscriber.Desk is not null)
                    {
                        NoticeDeskChange(entry.Projection, subscriber, delivered);
                    }
                }
            }
        }
    }

    // An event the subscriber may not see can still change its desk (another party's bid lowers the bids a round
    // awaits; a party's mark moves the mediator's objection counts): it is told only that the desk changed, no
    // more than reading the desk again would show it.
    private static void NoticeDeskChange(TalksProjection projection, Subscriber subscriber, bool delivered)
    {
        var now = DeskFingerprint(projection, subscriber.Caller);
        if (!delivered && now != subscriber.LastDesk)
        {
            subscriber.Desk!.Writer.TryWrite(true);
        }

        subscriber.LastDesk = now;
    }

    private static string DeskFingerprint(TalksProjection projection, Caller caller) =>
        System.Text.Json.JsonSerializer.Serialize(BlindViews.Desk(projection, caller), EventJson.Options);

    /// <summary>One command of <see cref="ExecuteAsync"/>; <see cref="Key"/> is the caller's key (caller-prefixed) or null.</summary>
    private sealed record Command(
        string TalksId,
        Caller Caller,
        long? ExpectedVersion,
        string? Key,
        string RequestHash,
        Func<TalksProjection, Caller, IReadOnlyList<TalksEvent>> Decide);

    /// <summary>A live subscriber; <see cref="Desk"/> (parties and the mediator only) carries desk-changed notices.</summary>
    private sealed class Subscriber(Caller caller, string? tokenHash, Channel<EventView> channel, Channel<bool>? desk)
    {
        public Caller Caller { get; } = caller;

        public string? TokenHash { get; } = tokenHash;

        public Channel<EventView> Channel { get; } = channel;

        public Channel<bool>? Desk { get; } = desk;

        /// <summary>The desk as last computed for this subscriber (JSON), null before the first event folded after subscribing.</summary>
        public string? LastDesk { get; set; }
    }

    private sealed class Entry(TalksProjection projection)
    {
        public TalksProjection Projection { get; } = projection;

        public SemaphoreSlim Lock { get; } = new(1, 1);

        public List<Subscriber> Subscribers { get; } = [];
    }
}
