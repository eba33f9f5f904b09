using Parley.Talks.Ledger;

namespace Parley.Talks.Storage;

/// <summary>
/// Append-only storage of talks' event streams, their idempotency records and access tokens.
/// Implementations are thread-safe; an append is durable when its task completes.
/// </summary>
public interface IEventStore : IAsyncDisposable
{
    /// <summary>A short description for logs and docs (<c>sqlite:parley.db</c>); holds no password.</summary>
    string Description { get; }

    /// <summary>
    /// True when this process is the only writer (SQLite: one server per file), so a cache of what was
    /// read and appended here stays current; false when other instances may append (PostgreSQL).
    /// </summary>
    bool SingleWriter { get; }

    /// <summary>
    /// Raised (with the talks id) when another instance appended to a talks, where the store can tell
    /// (PostgreSQL: LISTEN/NOTIFY); never raised by single-writer stores. Handlers must not block.
    /// </summary>
    event Action<string>? AppendedElsewhere;

    /// <summary>
    /// True while every revocation, by any instance, is signalled through <see cref="TokenRevoked"/> (PostgreSQL: while
    /// its LISTEN connection is up), so a cache of live tokens stays current; false for single-writer stores, whose
    /// revocations all go through this process, and while the signal is down.
    /// </summary>
    bool SignalsRevocations { get; }

    /// <summary>
    /// Raised with a token's hash when any instance revoked it, and with null when revocations may have been missed
    /// (the signal went down or came back): then no cached token may be trusted. Handlers must not block.
    /// </summary>
    event Action<string?>? TokenRevoked;

    /// <summary>Applies pending schema migrations (versioned, in order, each in one transaction).</summary>
    Task MigrateAsync(CancellationToken cancellationToken = default);

    /// <summary>The schema version after <see cref="MigrateAsync"/>.</summary>
    Task<int> SchemaVersionAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Appends events if the stream is at <see cref="AppendRequest.ExpectedVersion"/>. A request whose
    /// idempotency key was seen before returns the first result (<see cref="AppendResult.Replayed"/>)
    /// without appending, whatever the stream's version now is.
    /// </summary>
    /// <exception cref="ConcurrencyException">The stream is at another version.</exception>
    /// <exception cref="IdempotencyKeyReusedException">The key was used before for a different request.</exception>
    Task<AppendResult> AppendAsync(AppendRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// The result of an earlier append with this idempotency key, or null when the key is new.
    /// </summary>
    /// <exception cref="IdempotencyKeyReusedException">The key was used for a different request.</exception>
    Task<AppendResult?> FindIdempotentAsync(string talksId, string key, string requestHash, CancellationToken cancellationToken = default);

    /// <summary>Events with version &gt; <paramref name="afterVersion"/>, oldest first, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<StoredEvent>> ReadAsync(string talksId, long afterVersion, int limit, CancellationToken cancellationToken = default);

    /// <summary>Talks ordered by id, after <paramref name="afterId"/> (keyset pagination).</summary>
    Task<IReadOnlyList<TalksInfo>> ListTalksAsync(string? afterId, int limit, CancellationToken cancellationToken = default);

    /// <summary>Stores an access token record (only the hash of the token).</summary>
    Task AddTokenAsync(TokenRecord token, CancellationToken cancellationToken = default);

    /// <summary>The token record with the given hash (revoked ones too), or null.</summary>
    Task<TokenRecord?> FindTokenAsync(string hash, CancellationToken cancellationToken = default);

    /// <summary>Every token record of a talks (<see cref="TokenRecord.AnyTalks"/>: the organiser's), revoked ones too.</summary>
    Task<IReadOnlyList<TokenRecord>> ListTokensAsync(string talksId, CancellationToken cancellationToken = default);

    /// <summary>Revokes a token; true when it was live.</summary>
    Task<bool> RevokeTokenAsync(string hash, DateTimeOffset at, CancellationToken cancellationToken = default);
}
