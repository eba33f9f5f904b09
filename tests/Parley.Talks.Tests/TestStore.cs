using Parley.Talks.Storage;

namespace Parley.Talks.Tests;

/// <summary>A store for one test.</summary>
public sealed class TestStore(IEventStore store, Func<Task> cleanup, string? connectionString = null) : IAsyncDisposable
{
    public IEventStore Store { get; } = store;

    /// <summary>For PostgreSQL: the connection string (with the test's schema) to open a second instance.</summary>
    public string? ConnectionString { get; } = connectionString;

    public async ValueTask DisposeAsync()
    {
        await Store.DisposeAsync();
        await cleanup();
    }
}
