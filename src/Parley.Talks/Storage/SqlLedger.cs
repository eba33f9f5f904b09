using System.Data.Common;
using Dapper;
using Parley.Talks.Access;
using Parley.Talks.Ledger;

namespace Parley.Talks.Storage;

/// <summary>
/// The SQL both stores share (Dapper over ADO.NET). Each method runs inside the caller's transaction;
/// the stores decide how transactions are grouped and how the stream row is locked.
/// </summary>
internal static class SqlLedger
{
    /// <summary>
    /// Checks the idempotency key, then the expected version, then appends. The caller holds the
    /// write lock on the stream (SQLite: the single writer). PostgreSQL does the same server-side in
    /// one call (<see cref="PostgresAppendFunction"/>); keep the two in step.
    /// </summary>
    public static async Task<AppendResult> AppendAsync(DbConnection connection, DbTransaction transaction, AppendRequest request)
    {
        ArgumentOutOfRangeException.ThrowIfZero(request.Events.Count);
        var at = request.At.ToUnixTimeMilliseconds();
        if (request.ExpectedVersion == 0)
        {
            var title = request.Events[0] is TalksCreated created ? created.Title : request.TalksId;
            await connection.ExecuteAsync(
                "INSERT INTO talks (id, title, created_at, version) VALUES (@id, @title, @at, 0) ON CONFLICT (id) DO NOTHING",
                new { id = request.TalksId, title, at }, transaction).ConfigureAwait(false);
        }

        var actual = await connection.ExecuteScalarAsync<long?>(
            "SELECT version FROM talks WHERE id = @id", new { id = request.TalksId }, transaction).ConfigureAwait(false) ?? 0;

        if (request.IdempotencyKey is { } key
            && await FindIdempotentAsync(connection, transaction, request.TalksId, key, request.RequestHash).ConfigureAwait(false) is { } seen)
        {
            return seen;
        }

        if (actual != request.ExpectedVersion)
        {
            throw new ConcurrencyException(request.TalksId, request.ExpectedVersion, actual);
        }

        var rows = request.Events.Select((e, i) => new
        {
            id = request.TalksId,
            version = actual + 1 + i,
            actor = request.Actor,
            at,
            data = EventJson.Serialize(e),
        });
        await connection.ExecuteAsync(
            "INSERT INTO events (talks_id, version, actor, at, data) VALUES (@id, @version, @actor, @at, @data)", rows, transaction).ConfigureAwait(false);
        var last = actual + request.Events.Count;
        await connection.ExecuteAsync("UPDATE talks SET version = @last WHERE id = @id", new { id = request.TalksId, last }, transaction).ConfigureAwait(false);
        if (request.IdempotencyKey is { } newKey)
        {
            await connection.ExecuteAsync(
                "INSERT INTO idempotency (talks_id, key, request_hash, first_version, last_version) VALUES (@id, @key, @hash, @first, @last)",
                new { id = request.TalksId, key = newKey, hash = request.RequestHash, first = actual + 1, last }, transaction).ConfigureAwait(false);
        }

        return new AppendResult(actual + 1, last, Replayed: false);
    }

    public static async Task<AppendResult?> FindIdempotentAsync(DbConnection connection, DbTransaction? transaction, string talksId, string key, string requestHash)
    {
        var seen = await connection.QuerySingleOrDefaultAsync<IdempotencyRow>(
            "SELECT request_hash AS RequestHash, first_version AS FirstVersion, last_version AS LastVersion FROM idempotency WHERE talks_id = @id AND key = @key",
            new { id = talksId, key }, transaction).ConfigureAwait(false);
        return seen is null ? null
            : seen.RequestHash == requestHash ? new AppendResult(seen.FirstVersion, seen.LastVersion, Replayed: true)
            : throw new IdempotencyKeyReusedException();
    }

    public static async Task<IReadOnlyList<StoredEvent>> ReadAsync(DbConnection connection, string talksId, long afterVersion, int limit)
    {
        var rows = await connection.QueryAsync<EventRow>(
            "SELECT version AS Version, actor AS Actor, at AS At, data AS Data FROM events WHERE talks_id = @id AND version > @after ORDER BY version LIMIT @limit",
            new { id = talksId, after = afterVersion, limit }).ConfigureAwait(false);
        return [.. rows.Select(r => new StoredEvent(talksId, r.Version, r.Actor, DateTimeOffset.FromUnixTimeMilliseconds(r.At), EventJson.Deserialize(r.Data)))];
    }

    public static async Task<IReadOnlyList<TalksInfo>> ListTalksAsync(DbConnection connection, string? afterId, int limit)
    {
        var rows = await connection.QueryAsync<TalksRow>(
            "SELECT id AS Id, title AS Title, created_at AS CreatedAt, version AS Version FROM talks WHERE @after IS NULL OR id > @after ORDER BY id LIMIT @limit",
            new { after = afterId, limit }).ConfigureAwait(false);
        return [.. rows.Select(r => new TalksInfo(r.Id, r.Title, DateTimeOffset.FromUnixTimeMilliseconds(r.CreatedAt), r.Version))];
    }

    public static Task AddTokenAsync(DbConnection connection, DbTransaction? transaction, TokenRecord token) =>
        connection.ExecuteAsync(
            "INSERT INTO tokens (hash, talks_id, kind, party, label) VALUES (@Hash, @TalksId, @kind, @Party, @Label)",
            new { token.Hash, token.TalksId, kind = token.Kind.ToString(), token.Party, token.Label }, transaction);

    public static async Task<TokenRecord?> FindTokenAsync(DbConnection connection, string hash)
    {
        var row = await connection.QuerySingleOrDefaultAsync<TokenRow>(
            "SELECT hash AS Hash, talks_id AS TalksId, kind AS Kind, party AS Party, label AS Label, revoked_at AS RevokedAt FROM tokens WHERE hash = @hash",
            new { hash }).ConfigureAwait(false);
        return row?.ToRecord();
    }

    public static async Task<IReadOnlyList<TokenRecord>> ListTokensAsync(DbConnection connection, string talksId)
    {
        var rows = await connection.QueryAsync<TokenRow>(
            "SELECT hash AS Hash, talks_id AS TalksId, kind AS Kind, party AS Party, label AS Label, revoked_at AS RevokedAt FROM tokens WHERE talks_id = @talksId ORDER BY hash",
            new { talksId }).ConfigureAwait(false);
        return [.. rows.Select(r => r.ToRecord())];
    }

    /// <returns>True when a token with that hash was live and is now revoked.</returns>
    public static async Task<bool> RevokeTokenAsync(DbConnection connection, DbTransaction? transaction, string hash, DateTimeOffset at) =>
        await connection.ExecuteAsync(
            "UPDATE tokens SET revoked_at = @at WHERE hash = @hash AND revoked_at IS NULL",
            new { hash, at = at.ToUnixTimeMilliseconds() }, transaction).ConfigureAwait(false) > 0;

    /// <summary>Applies the migrations newer than the recorded version, each in its own transaction.</summary>
    public static async Task MigrateAsync(DbConnection connection, Func<DbTransaction, Task>? lockSchema = null)
    {
        await connection.ExecuteAsync(Migrations.CreateTable).ConfigureAwait(false);
        foreach (var (version, name, statements) in Migrations.All)
        {
            await using var tx = await connection.BeginTransactionAsync().ConfigureAwait(false);
            if (lockSchema is not null)
            {
                await lockSchema(tx).ConfigureAwait(false);
            }

            var applied = await connection.ExecuteScalarAsync<long>(
                "SELECT COUNT(*) FROM schema_migrations WHERE version = @version", new { version }, tx).ConfigureAwait(false);
            if (applied > 0)
            {
                continue;
            }

            foreach (var sql in statements)
            {
                await connection.ExecuteAsync(sql, transaction: tx).ConfigureAwait(false);
            }

            await connection.ExecuteAsync(
                "INSERT INTO schema_migrations (version, name, applied_at) VALUES (@version, @name, @at)",
                new { version, name, at = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() }, tx).ConfigureAwait(false);
            await tx.CommitAsync().ConfigureAwait(false);
        }
    }

    public static async Task<int> SchemaVersionAsync(DbConnection connection) =>
        (int)await connection.ExecuteScalarAsync<long>("SELECT COALESCE(MAX(version), 0) FROM schema_migrations").ConfigureAwait(false);

    private sealed class IdempotencyRow
    {
        public string RequestHash { get; set; } = "";

        public long FirstVersion { get; set; }

        public long LastVersion { get; set; }
    }

    private sealed class EventRow
    {
        public long Version { get; set; }

        public string Actor { get; set; } = "";

        public long At { get; set; }

        public string Data { get; set; } = "";
    }

    private sealed class TalksRow
    {
        public string Id { get; set; } = "";

        public string Title { get; set; } = "";

        public long CreatedAt { get; set; }

        public long Version { get; set; }
    }

    private sealed class TokenRow
    {
        public string Hash { get; set; } = "";

        public string TalksId { get; set; } = "";

        public string Kind { get; set; } = "";

        public string? Party { get; set; }

        public string Label { get; set; } = "";

        public long? RevokedAt { get; set; }

        public TokenRecord ToRecord() => new(Hash, TalksId, Enum.Parse<RoleKind>(Kind), Party, Label, RevokedAt is not null);
    }
}
