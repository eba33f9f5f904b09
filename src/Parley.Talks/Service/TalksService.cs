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
/// talks run in parallel (and the SQLite store group-commits their appends). Before every command
/// and read the cache catches up with the store, so several instances can share one PostgreSQL.
/// Thread-safe.
/// </summary>
public sealed class TalksService
{
    private const int ReadPage = 1000;

    private readonly IEventStore _store;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    // Tokens never change once issued, so a found one is cached (the hash, never the token).
    private readonly ConcurrentDictionary<string, TokenRecord> _tokens = new(StringComparer.Ordinal);

    /// <summary>Creates the service over a migrated store.</summary>
    public TalksService(IEventStore store, TimeProvider time)
    {
        _store = store;
        _time = time;
        _store.AppendedElsewhere += OnAppendedElsewhere;
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
        var events = InitialEvents(scenario);
        await _store.AppendAsync(new AppendRequest(talksId, 0, null, "create", Caller.System.Actor, _time.GetUtcNow(), events), cancellationToken).ConfigureAwait(false);
        return new CreatedTalks(talksId, await IssueTokensAsync(talksId, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>Issues a fresh token per role of existing talks (party per party, mediator, observer).</summary>
    public async Task<IReadOnlyList<IssuedToken>> IssueTokensAsync(string talksId, CancellationToken cancellationToken = default)
    {
        var roles = await ReadAsync(talksId, s =>
        {
            var list = s.Scenario.Parties.Select(p => (RoleKind.Party, (string?)p.Id, $"{p.Name} delegation")).ToList();
            if (s.Process.Mediator is { } mediator)
            {
                list.Add((RoleKind.Mediator, mediator, $"mediator ({mediator})"));
            }

            list.Add((RoleKind.Observer, null, "observer"));
            return list;
        }, cancellationToken).ConfigureAwait(false);
        var tokens = new List<IssuedToken>();
        foreach (var (kind, party, label) in roles)
        {
            var token = Tokens.NewToken();
            await _store.AddTokenAsync(new TokenRecord(Tokens.Hash(token), talksId, kind, party, label), cancellationToken).ConfigureAwait(false);
            tokens.Add(new IssuedToken(kind, party, label, token));
        }

        return tokens;
    }

    /// <summary>
    /// The caller a bearer token stands for in the given talks: <see cref="Caller.Public"/> without a
    /// token, null for a token that is unknown or belongs to other talks.
    /// </summary>
    public async Task<Caller?> AuthenticateAsync(string talksId, string? token, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(token))
        {
            return Caller.Public;
        }

        var record = await FindTokenAsync(token, cancellationToken).ConfigureAwait(false);
        return record is null || record.TalksId != talksId ? null : new Caller(record.Kind, record.Party);
    }

    /// <summary>The talks a token opens, or null.</summary>
    public async Task<TokenRecord?> FindTokenAsync(string token, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        var hash = Tokens.Hash(token);
        if (_tokens.TryGetValue(hash, out var cached))
        {
            return cached;
        }

        var record = await _store.FindTokenAsync(hash, cancellationToken).ConfigureAwait(false);
        if (record is not null)
        {
            _tokens.TryAdd(hash, record);
        }

        return record;
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
    /// Decides and appends a command. With an idempotency key seen before, returns the first result
    /// and appends nothing (even if the command would now be refused). With an expected version
    /// other than the talks' version, throws <see cref="ConcurrencyException"/>.
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
        var entry = await EntryAsync(talksId, cancellationToken).ConfigureAwait(false);
        await entry.Lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await CatchUpAsync(entry, cancellationToken).ConfigureAwait(false);
            if (idempotencyKey is not null
                && await _store.FindIdempotentAsync(talksId, idempotencyKey, requestHash, cancellationToken).ConfigureAwait(false) is { } seen)
            {
                return new CommandResult(seen.FirstVersion, seen.LastVersion, Replayed: true);
            }

            var projection = entry.Projection;
            if (expectedVersion is { } expected && expected != projection.Version)
            {
                throw new ConcurrencyException(talksId, expected, projection.Version);
            }

            var events = decide(projection, caller);
            if (events.Count == 0)
            {
                return new CommandResult(projection.Version + 1, projection.Version, Replayed: false);
            }

            var at = _time.GetUtcNow();
            AppendResult result;
            try
            {
                result = await _store.AppendAsync(new AppendRequest(talksId, projection.Version, idempotencyKey, requestHash, caller.Actor, at, events), CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not IdempotencyKeyReusedException)
            {
                // A conflict means another writer appended (the cache is behind); any other failure leaves
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

            return new CommandResult(result.FirstVersion, result.LastVersion, result.Replayed);
        }
        finally
        {
            entry.Lock.Release();
        }
    }

    /// <summary>Events after <paramref name="afterVersion"/> (raw: filter with <see cref="TalksViews.Filter"/> before showing).</summary>
    public async Task<IReadOnlyList<StoredEvent>> ReadEventsAsync(string talksId, long afterVersion, int limit, CancellationToken cancellationToken = default)
    {
        await EntryAsync(talksId, cancellationToken).ConfigureAwait(false);
        return await _store.ReadAsync(talksId, afterVersion, limit, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Live events of a talks from now on (raw: filter before showing). Dispose the subscription to stop.
    /// Events appended by other instances arrive when this instance next catches up.
    /// </summary>
    public async Task<Subscription> SubscribeAsync(string talksId, CancellationToken cancellationToken = default)
    {
        var entry = await EntryAsync(talksId, cancellationToken).ConfigureAwait(false);
        var channel = Channel.CreateBounded<StoredEvent>(new BoundedChannelOptions(1024) { FullMode = BoundedChannelFullMode.DropOldest });
        lock (entry.Subscribers)
        {
            entry.Subscribers.Add(channel);
        }

        return new Subscription(channel.Reader, () =>
        {
            lock (entry.Subscribers)
            {
                entry.Subscribers.Remove(channel);
            }

            channel.Writer.TryComplete();
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

    private static void Fold(Entry entry, IReadOnlyList<StoredEvent> events)
    {
        foreach (var e in events)
        {
            entry.Projection.Apply(e);
        }

        if (events.Count == 0)
        {
            return;
        }

        lock (entry.Subscribers)
        {
            foreach (var subscriber in entry.Subscribers)
            {
                foreach (var e in events)
                {
                    subscriber.Writer.TryWrite(e);
                }
            }
        }
    }

    private sealed class Entry(TalksProjection projection)
    {
        public TalksProjection Projection { get; } = projection;

        public SemaphoreSlim Lock { get; } = new(1, 1);

        public List<Channel<StoredEvent>> Subscribers { get; } = [];
    }
}
