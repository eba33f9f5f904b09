using Dapper;
using Npgsql;
using Parley.Talks.Ledger;

namespace Parley.Talks.Storage;

/// <summary>
/// The PostgreSQL store, for several web instances serving the same talks. Each append is one
/// transaction that locks the stream's row (<c>SELECT … FOR UPDATE</c>), so concurrent appends to
/// one talks serialise while different talks proceed in parallel; the primary key on
/// (talks, version) is the last line of defence. Durable on commit (PostgreSQL's default
/// <c>synchronous_commit=on</c>).
/// </summary>
public sealed class PostgresEventStore : IEventStore
{
    // Serialises migrations between instances starting at the same time.
    private const long MigrationLockKey = 0x5061726c6579;

    private const string Channel = "parley_appends";

    private readonly NpgsqlDataSource _dataSource;
    private readonly string _instance = Guid.NewGuid().ToString("N");
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _listenerGate = new();
    private Action<string>? _appendedElsewhere;
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
        add
        {
            lock (_listenerGate)
            {
                _appendedElsewhere += value;
                _listener ??= Task.Run(ListenAsync);
            }
        }

        remove
        {
            lock (_listenerGate)
            {
                _appendedElsewhere -= value;
            }
        }
    }

    /// <inheritdoc />
    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await SqlLedger.MigrateAsync(connection, tx => connection.ExecuteAsync("SELECT pg_advisory_xact_lock(@key)", new { key = MigrationLockKey }, tx)).ConfigureAwait(false);
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
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var result = await SqlLedger.AppendAsync(connection, tx, request, " FOR UPDATE").ConfigureAwait(false);
        if (!result.Replayed)
        {
            // Delivered to listeners on commit only; the payload names this instance so it can skip its own.
            await connection.ExecuteAsync("SELECT pg_notify(@channel, @payload)", new { channel = Channel, payload = _instance + ":" + request.TalksId }, tx).ConfigureAwait(false);
            await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        return result;
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
        await _stop.CancelAsync().ConfigureAwait(false);
        if (_listener is not null)
        {
            await _listener.ConfigureAwait(false);
        }

        _stop.Dispose();
        await _dataSource.DisposeAsync().ConfigureAwait(false);
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
                    var cut = e.Payload.IndexOf(':', StringComparison.Ordinal);
                    if (cut > 0 && e.Payload[..cut] != _instance)
                    {
                        _appendedElsewhere?.Invoke(e.Payload[(cut + 1)..]);
                    }
                };
                await connection.ExecuteAsync("LISTEN " + Channel).ConfigureAwait(false);
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
}
