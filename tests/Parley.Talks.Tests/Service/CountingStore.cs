using Parley.Talks.Ledger;
using Parley.Talks.Storage;

namespace Parley.Talks.Tests.Service;

/// <summary>
/// Passes every call to a real store and counts the reads, appends and token lookups a service makes.
/// <paramref name="sharedWithoutSignals"/> makes it pass for a store other instances write to that signals no revocations.
/// </summary>
internal sealed class CountingStore(IEventStore inner, bool sharedWithoutSignals = false) : IEventStore
{
    public int Reads;
    public int IdempotencyLookups;
    public int Appends;
    public int TokenLookups;

    public string Description => inner.Description;

    public bool SingleWriter => !sharedWithoutSignals && inner.SingleWriter;

    public event Action<string>? AppendedElsewhere
    {
        add => inner.AppendedElsewhere += value;
        remove => inner.AppendedElsewhere -= value;
    }

    public bool SignalsRevocations => !sharedWithoutSignals && inner.SignalsRevocations;

    public event Action<string?>? TokenRevoked
    {
        add => inner.TokenRevoked += value;
        remove => inner.TokenRevoked -= value;
    }

    public void Reset() => (Reads, IdempotencyLookups, Appends) = (0, 0, 0);

    public Task MigrateAsync(CancellationToken cancellationToken = default) => inner.MigrateAsync(cancellationToken);

    public Task<int> SchemaVersionAsync(CancellationToken cancellationToken = default) => inner.SchemaVersionAsync(cancellationToken);

    public Task<AppendResult> AppendAsync(AppendRequest request, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref Appends);
        return inner.AppendAsync(request, cancellationToken);
    }

    public Task<AppendResult?> FindIdempotentAsync(string talksId, string key, string requestHash, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref IdempotencyLookups);
        return inner.FindIdempotentAsync(talksId, key, requestHash, cancellationToken);
    }

    public Task<IReadOnlyList<StoredEvent>> ReadAsync(string talksId, long afterVersion, int limit, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref Reads);
        return inner.ReadAsync(talksId, afterVersion, limit, cancellationToken);
    }

    public Task<IReadOnlyList<TalksInfo>> ListTalksAsync(string? afterId, int limit, CancellationToken cancellationToken = default) => inner.ListTalksAsync(afterId, limit, cancellationToken);

    public Task AddTokenAsync(TokenRecord token, CancellationToken cancellationToken = default) => inner.AddTokenAsync(token, cancellationToken);

    public Task<TokenRecord?> FindTokenAsync(string hash, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref TokenLookups);
        return inner.FindTokenAsync(hash, cancellationToken);
    }

    public Task<IReadOnlyList<TokenRecord>> ListTokensAsync(string talksId, CancellationToken cancellationToken = default) => inner.ListTokensAsync(talksId, cancellationToken);

    public Task<bool> RevokeTokenAsync(string hash, DateTimeOffset at, CancellationToken cancellationToken = default) => inner.RevokeTokenAsync(hash, at, cancellationToken);

    // The fixture owns and disposes the real store.
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
