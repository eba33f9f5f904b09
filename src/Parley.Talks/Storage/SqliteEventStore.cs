using System.Data.Common;
using System.Threading.Channels;
using Dapper;
using Microsoft.Data.Sqlite;
using Parley.Talks.Ledger;

namespace Parley.Talks.Storage;

/// <summary>
/// The default store: one SQLite file in WAL mode with <c>synchronous=FULL</c>, so a committed
/// transaction is on disk (the WAL is fsynced at every commit) before an append is acknowledged: it
/// survives <c>kill -9</c> and power loss alike.
/// <para>
/// Group commit: every write goes through one writer task that drains whatever appends are queued
/// (up to <see cref="MaxBatch"/>) into one transaction, each append in its own savepoint so that a
/// conflicting one fails alone. One fsync then acknowledges the whole batch, which is what lifts
/// throughput above one append per disk flush. Readers use their own pooled connections; WAL lets
/// them read while the writer writes.
/// </para>
/// </summary>
public sealed class SqliteEventStore : IEventStore
{
    /// <summary>Most appends committed by one transaction.</summary>
    public const int MaxBatch = 512;

    private readonly string _connectionString;
    private readonly Channel<WriteOp> _queue = Channel.CreateUnbounded<WriteOp>(new UnboundedChannelOptions { SingleReader = true });
    private SqliteConnection? _writer;
    private Task? _writerLoop;

    /// <summary>Opens (creating if needed) the database file at <paramref name="path"/>.</summary>
    public SqliteEventStore(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Path = System.IO.Path.GetFullPath(path);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
    }

    /// <summary>Full path of the database file.</summary>
    public string Path { get; }

    /// <inheritdoc />
    public string Description => $"sqlite:{Path}";

    /// <inheritdoc />
    public bool SingleWriter => true;

    /// <inheritdoc />
    public event Action<string>? AppendedElsewhere
    {
        add { }
        remove { }
    }

    /// <inheritdoc />
    public bool SignalsRevocations => false;

    /// <inheritdoc />
    public event Action<string?>? TokenRevoked
    {
        add { }
        remove { }
    }

    /// <inheritdoc />
    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        if (_writer is not null)
        {
            return;
        }

        var writer = new SqliteConnection(_connectionString);
        await writer.OpenAsync(cancellationToken).ConfigureAwait(false);
        // WAL persists in the file; synchronous and busy_timeout are per connection.
        await writer.ExecuteAsync("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA busy_timeout=30000;").ConfigureAwait(false);
        await SqlLedger.MigrateAsync(writer).ConfigureAwait(false);
        _writer = writer;
        _writerLoop = Task.Run(WriterLoopAsync, CancellationToken.None);
    }

    /// <inheritdoc />
    public async Task<int> SchemaVersionAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenReaderAsync(cancellationToken).ConfigureAwait(false);
        return await SqlLedger.SchemaVersionAsync(connection).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<AppendResult> AppendAsync(AppendRequest request, CancellationToken cancellationToken = default) =>
        (AppendResult)(await WriteAsync(async (c, tx) => await SqlLedger.AppendAsync(c, tx, request).ConfigureAwait(false), cancellationToken).ConfigureAwait(false))!;

    /// <inheritdoc />
    public async Task<AppendResult?> FindIdempotentAsync(string talksId, string key, string requestHash, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenReaderAsync(cancellationToken).ConfigureAwait(false);
        return await SqlLedger.FindIdempotentAsync(connection, null, talksId, key, requestHash).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<StoredEvent>> ReadAsync(string talksId, long afterVersion, int limit, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenReaderAsync(cancellationToken).ConfigureAwait(false);
        return await SqlLedger.ReadAsync(connection, talksId, afterVersion, limit).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<TalksInfo>> ListTalksAsync(string? afterId, int limit, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenReaderAsync(cancellationToken).ConfigureAwait(false);
        return await SqlLedger.ListTalksAsync(connection, afterId, limit).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public Task AddTokenAsync(TokenRecord token, CancellationToken cancellationToken = default) =>
        WriteAsync(async (c, tx) =>
        {
            await SqlLedger.AddTokenAsync(c, tx, token).ConfigureAwait(false);
            return null;
        }, cancellationToken);

    /// <inheritdoc />
    public async Task<TokenRecord?> FindTokenAsync(string hash, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenReaderAsync(cancellationToken).ConfigureAwait(false);
        return await SqlLedger.FindTokenAsync(connection, hash).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<TokenRecord>> ListTokensAsync(string talksId, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenReaderAsync(cancellationToken).ConfigureAwait(false);
        return await SqlLedger.ListTokensAsync(connection, talksId).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<bool> RevokeTokenAsync(string hash, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        (bool)(await WriteAsync(async (c, tx) => (object)await SqlLedger.RevokeTokenAsync(c, tx, hash, at).ConfigureAwait(false), cancellationToken).ConfigureAwait(false))!;

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        if (_writerLoop is not null)
        {
            await _writerLoop.ConfigureAwait(false);
        }

        if (_writer is not null)
        {
            await _writer.DisposeAsync().ConfigureAwait(false);
            _writer = null;
        }

        // Release the file so tests (and restarts) can reopen or delete it.
        SqliteConnection.ClearAllPools();
    }

    private async Task<SqliteConnection> OpenReaderAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        return connection;
    }

    private async Task<object?> WriteAsync(Func<DbConnection, DbTransaction, Task<object?>> work, CancellationToken cancellationToken)
    {
        if (_writer is null)
        {
            throw new InvalidOperationException("call MigrateAsync before writing");
        }

        var op = new WriteOp(work, new TaskCompletionSource<object?>(TaskCreationOptions.RunContinuationsAsynchronously));
        await _queue.Writer.WriteAsync(op, cancellationToken).ConfigureAwait(false);
        return await op.Done.Task.ConfigureAwait(false);
    }

    private async Task WriterLoopAsync()
    {
        var batch = new List<WriteOp>(MaxBatch);
        var results = new List<(WriteOp Op, object? Result, Exception? Error)>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            batch.Clear();
            results.Clear();
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var op))
            {
                batch.Add(op);
            }

            try
            {
                await using (var tx = await _writer!.BeginTransactionAsync().ConfigureAwait(false))
                {
                    for (var i = 0; i < batch.Count; i++)
                    {
                        var savepoint = "op" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
                        await tx.SaveAsync(savepoint).ConfigureAwait(false);
                        try
                        {
                            results.Add((batch[i], await batch[i].Work(_writer, tx).ConfigureAwait(false), null));
                            await tx.ReleaseAsync(savepoint).ConfigureAwait(false);
                        }
#pragma warning disable CA1031 // The failure belongs to that append's caller; the batch goes on.
                        catch (Exception ex)
#pragma warning restore CA1031
                        {
                            await tx.RollbackAsync(savepoint).ConfigureAwait(false);
                            results.Add((batch[i], null, ex));
                        }
                    }

                    await tx.CommitAsync().ConfigureAwait(false);
                }

                foreach (var (op, result, error) in results)
                {
                    if (error is null)
                    {
                        op.Done.TrySetResult(result);
                    }
                    else
                    {
                        op.Done.TrySetException(error);
                    }
                }
            }
#pragma warning disable CA1031 // A failed commit fails every append of the batch; none was acknowledged.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                foreach (var op in batch)
                {
                    op.Done.TrySetException(ex);
                }
            }
        }
    }

    private sealed record WriteOp(Func<DbConnection, DbTransaction, Task<object?>> Work, TaskCompletionSource<object?> Done);
}
