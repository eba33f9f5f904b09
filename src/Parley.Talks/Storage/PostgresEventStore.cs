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

    private readonly NpgsqlDataSource _dataSource;

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
    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();
}
