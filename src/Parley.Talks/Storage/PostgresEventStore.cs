using System.Threading.Channels;
using Dapper;
using Npgsql;
using NpgsqlTypes;
using Parley.Talks.Ledger;

namespace Parley.Talks.Storage;

/// <summary>
/// The PostgreSQL store, for several web instances serving the same talks. An append locks its
/// stream's row (<c>SELECT … FOR UPDATE</c>), so concurrent appends to one talks serialise, also across
/// instances; the primary key on (talks, version) is the last line of defence. Durable on commit
/// (PostgreSQL's default <c>synchronous_commit=on</c>): an append is acknowledged only after it.
/// <para>
/// Group commit, as <see cref="SqliteEventStore"/> does: one writer task drains the queued appends (up to
/// <see cref="MaxBatch"/>) into one transaction, sent as one batch of <c>parley_append</c> calls
/// (<see cref="PostgresAppendFunction"/>): one round trip and one WAL flush for the whole batch. Refusals
/// (version conflict, reused key) are statuses, so they fail only their own append. A batch locks its
/// streams in talks-id order, so two instances' batches cannot deadlock on each other.
/// </para>
/// </summary>
public sealed class PostgresEventStore : IEventStore
{
    // Serialises migrations between instances starting at the same time.
    private const long MigrationLockKey = 0x5061726c6579;

    // Also named in PostgresAppendFunction's pg_notify.
    private const string Channel = "parley_appends";

    // Also named in PostgresAppendFunction's token trigger.
    private const string TokenChannel = "parley_tokens";

    /// <summary>Most appends committed by one transaction.</summary>
    public const int MaxBatch = 256;

    private readonly Channel<PendingAppend> _queue = System.Threading.Channels.Channel.CreateUnbounded<PendingAppend>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _writerLoop;

    private readonly NpgsqlDataSource _dataSource;
    private readonly string _instance = Guid.NewGuid().ToString("N");
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _listenerGate = new();
    private Action<string>? _appendedElsewhere;
    private Action<string?>? _tokenRevoked;
    private volatile bool _signalsRevocations;
    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task? _listener;

    /// <summary>Connects with an Npgsql connection string (<c>Host=…;Database=…;Username=…</c>).</summary>
    public PostgresEventStore(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!connectionString.Contains("pool size", StringComparison.OrdinalIgnoreCase))
        {
            // Npgsql's default (100) equals PostgreSQL's default max_connections: a burst would get
            // "too many clients". Appends to one talks serialise anyway; 32 connections keep the server usable.
            builder.MaxPoolSize = 32;
        }

        Description = $"postgres:{builder.Host}:{builder.Port}/{builder.Database}";
        _dataSource = NpgsqlDataSource.Create(builder.ConnectionString);
        _writerLoop = Task.Run(WriterLoopAsync);
    }

    /// <inheritdoc />
    public string Description { get; }

    /// <inheritdoc />
    public bool SingleWriter => false;

    /// <summary>Completes once the first LISTEN is in place (tests wait for it instead of sleeping).</summary>
    internal Task Listening => _listening.Task;

    /// <inheritdoc />
    public event Action<string>? AppendedElsewhere
    {
        add => UnderListenerGate(() => _appendedElsewhere += value, startListening: true);
        remove => UnderListenerGate(() => _appendedElsewhere -= value, startListening: false);
    }

    /// <inheritdoc />
    public bool SignalsRevocations => _signalsRevocations;

    /// <inheritdoc />
    public event Action<string?>? TokenRevoked
    {
        add => UnderListenerGate(() => _tokenRevoked += value, startListening: true);
        remove => UnderListenerGate(() => _tokenRevoked -= value, startListening: false);
    }

    /// <inheritdoc />
    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await SqlLedger.MigrateAsync(connection, tx => connection.ExecuteAsync("SELECT pg_advisory_xact_lock(@key)", new { key = MigrationLockKey }, tx)).ConfigureAwait(false);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync("SELECT pg_advisory_xact_lock(@key)", new { key = MigrationLockKey }, tx).ConfigureAwait(false);
        await connection.ExecuteAsync(PostgresAppendFunction.Create, transaction: tx).ConfigureAwait(false);
        await connection.ExecuteAsync(PostgresAppendFunction.TokenTrigger, transaction: tx).ConfigureAwait(false);
        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<int> SchemaVersionAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await SqlLedger.SchemaVersionAsync(connection).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<AppendResult> AppendAsync(AppendRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentOutOfRangeException.ThrowIfZero(request.Events.Count);
        var pending = new PendingAppend(request, new TaskCompletionSource<AppendResult>(TaskCreationOptions.RunContinuationsAsynchronously));
        await _queue.Writer.WriteAsync(pending, cancellationToken).ConfigureAwait(false);
        return await pending.Done.Task.ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<AppendResult?> FindIdempotentAsync(string talksId, string key, string requestHash, CancellationToken cancellationToken = default)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await SqlLedger.FindIdempotentAsync(connection, null, talksId, key, requestHash).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<StoredEvent>> ReadAsync(string talksId, long afterVersion, int limit, CancellationToken cancellationToken = default)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await SqlLedger.ReadAsync(connection, talksId, afterVersion, limit).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<TalksInfo>> ListTalksAsync(string? afterId, int limit, CancellationToken cancellationToken = default)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await SqlLedger.ListTalksAsync(connection, afterId, limit).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task AddTokenAsync(TokenRecord token, CancellationToken cancellationToken = default)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await SqlLedger.AddTokenAsync(connection, null, token).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<TokenRecord?> FindTokenAsync(string hash, CancellationToken cancellationToken = default)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await SqlLedger.FindTokenAsync(connection, hash).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<TokenRecord>> ListTokensAsync(string talksId, CancellationToken cancellationToken = default)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await SqlLedger.ListTokensAsync(connection, talksId).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<bool> RevokeTokenAsync(string hash, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await SqlLedger.RevokeTokenAsync(connection, null, hash, at).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _writerLoop.ConfigureAwait(false);
        await _stop.CancelAsync().ConfigureAwait(false);
        if (_listener is not null)
        {
            await _listener.ConfigureAwait(false);
        }

        _stop.Dispose();
        await _dataSource.DisposeAsync().ConfigureAwait(false);
    }

    // Handlers change under one lock; the first one added starts the one LISTEN connection both signals share.
    private void UnderListenerGate(Action change, bool startListening)
    {
        lock (_listenerGate)
        {
            change();
            if (startListening)
            {
                _listener ??= Task.Run(ListenAsync);
            }
        }
    }

    /// <summary>Holds one connection on LISTEN and raises <see cref="AppendedElsewhere"/>; reconnects after failures.</summary>
    private async Task ListenAsync()
    {
        var ct = _stop.Token;
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await using var connection = await _dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
                connection.Notification += (_, e) =>
                {
                    if (e.Channel == TokenChannel)
                    {
                        _tokenRevoked?.Invoke(e.Payload);
                        return;
                    }

                    var cut = e.Payload.IndexOf(':', StringComparison.Ordinal);
                    if (cut > 0 && e.Payload[..cut] != _instance)
                    {
                        _appendedElsewhere?.Invoke(e.Payload[(cut + 1)..]);
                    }
                };
                await connection.ExecuteAsync($"LISTEN {Channel}; LISTEN {TokenChannel}").ConfigureAwait(false);
                // Revocations before this LISTEN were not heard: whatever was cached meanwhile is suspect.
                _signalsRevocations = true;
                _tokenRevoked?.Invoke(null);
                _listening.TrySetResult();
                while (!ct.IsCancellationRequested)
                {
                    await connection.WaitAsync(ct).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // The feed is best effort: reconnect, and commands still catch up on their own.
            catch (Exception)
#pragma warning restore CA1031
            {
                _signalsRevocations = false;
                _tokenRevoked?.Invoke(null);
                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(1), ct).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private async Task WriterLoopAsync()
    {
        var batch = new List<PendingAppend>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            batch.Clear();
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var pending))
            {
                batch.Add(pending);
            }

            // Lock order: talks id, then arrival (a stable sort keeps one talks' appends in order).
            var ordered = batch.OrderBy(p => p.Request.TalksId, StringComparer.Ordinal).ToList();
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    var statuses = await CommitBatchAsync(ordered).ConfigureAwait(false);
                    for (var i = 0; i < ordered.Count; i++)
                    {
                        Complete(ordered[i], statuses[i]);
                    }

                    break;
                }
                catch (PostgresException ex) when (attempt < 3 && ex.SqlState is PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure)
                {
                    // Rolled back, nothing acknowledged: the batch can run again as it is.
                }
#pragma warning disable CA1031 // A failed batch fails every append in it; none was acknowledged.
                catch (Exception ex)
#pragma warning restore CA1031
                {
                    foreach (var p in ordered)
                    {
                        p.Done.TrySetException(ex);
                    }

                    break;
                }
            }
        }
    }

    /// <summary>Runs the batch in one transaction and commits it; the (status, first, last) of each append, in order.</summary>
    private async Task<(int Status, long First, long Last)[]> CommitBatchAsync(List<PendingAppend> ordered)
    {
        await using var connection = await _dataSource.OpenConnectionAsync().ConfigureAwait(false);
        await using var tx = await connection.BeginTransactionAsync().ConfigureAwait(false);
        await using var command = new NpgsqlBatch(connection, tx);
        foreach (var p in ordered)
        {
            var r = p.Request;
            command.BatchCommands.Add(new NpgsqlBatchCommand(PostgresAppendFunction.Call)
            {
                Parameters =
                {
                    new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = r.TalksId },
                    new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Bigint, Value = r.ExpectedVersion },
                    new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = (object?)r.IdempotencyKey ?? DBNull.Value },
                    new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = r.RequestHash },
                    new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = r.Actor },
                    new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Bigint, Value = r.At.ToUnixTimeMilliseconds() },
                    new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = r.Events[0] is TalksCreated created ? created.Title : r.TalksId },
                    new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text, Value = r.Events.Select(EventJson.Serialize).ToArray() },
                    new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = _instance + ":" + r.TalksId },
                },
            });
        }

        var statuses = new (int, long, long)[ordered.Count];
        await using (var reader = await command.ExecuteReaderAsync().ConfigureAwait(false))
        {
            for (var i = 0; i < ordered.Count; i++)
            {
                if (i > 0)
                {
                    await reader.NextResultAsync().ConfigureAwait(false);
                }

                await reader.ReadAsync().ConfigureAwait(false);
                statuses[i] = (reader.GetInt32(0), reader.GetInt64(1), reader.GetInt64(2));
            }
        }

        await tx.CommitAsync().ConfigureAwait(false);
        return statuses;
    }

    private static void Complete(PendingAppend p, (int Status, long First, long Last) s)
    {
        switch (s.Status)
        {
            case 0:
                p.Done.TrySetResult(new AppendResult(s.First, s.Last, Replayed: false));
                break;
            case 1:
                p.Done.TrySetResult(new AppendResult(s.First, s.Last, Replayed: true));
                break;
            case 2:
                p.Done.TrySetException(new IdempotencyKeyReusedException());
                break;
            default:
                p.Done.TrySetException(new ConcurrencyException(p.Request.TalksId, p.Request.ExpectedVersion, s.First));
                break;
        }
    }

    private sealed record PendingAppend(AppendRequest Request, TaskCompletionSource<AppendResult> Done);
}
