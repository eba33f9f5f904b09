using Parley.Talks.Access;
using Parley.Talks.Ledger;
using Parley.Talks.Storage;

namespace Parley.Talks.Tests.Storage;

/// <summary>One suite, run on SQLite and on PostgreSQL.</summary>
public sealed class EventStoreTests
{
    private static readonly DateTimeOffset At = new(2025, 8, 20, 12, 0, 0, TimeSpan.Zero);

    private static AppendRequest Request(string talks, long expected, string? key, params TalksEvent[] events) =>
        new(talks, expected, key, "hash:" + key + ":" + events.Length, "party:RU", At, events);

    [Theory, SqliteStore, PostgresStore]
    public async Task Migrate_AppliesEveryVersion_AndIsIdempotent(string kind)
    {
        await using var t = await TestStores.CreateAsync(kind);
        await t.Store.MigrateAsync();
        Assert.Equal(Migrations.Latest, await t.Store.SchemaVersionAsync());
    }

    [Theory, SqliteStore, PostgresStore]
    public async Task Append_ThenRead_ReturnsEventsInOrderWithVersions(string kind)
    {
        await using var t = await TestStores.CreateAsync(kind);
        var first = await t.Store.AppendAsync(Request("k1", 0, null, new TalksCreated("Title one", "x"), new StageOpened("S1")));
        var second = await t.Store.AppendAsync(Request("k1", 2, null, new StatementIssued("ST1", "RU", "hello", true)));

        Assert.Equal((1, 2, false), (first.FirstVersion, first.LastVersion, first.Replayed));
        Assert.Equal((3, 3), (second.FirstVersion, second.LastVersion));
        var events = await t.Store.ReadAsync("k1", 0, 100);
        Assert.Equal([1L, 2, 3], events.Select(e => e.Version));
        Assert.Equal(new StageOpened("S1"), events[1].Event);
        Assert.Equal("party:RU", events[2].Actor);
        Assert.Equal(At, events[2].At);
        Assert.Single(await t.Store.ReadAsync("k1", 2, 100));
        Assert.Equal("Title one", Assert.Single(await t.Store.ListTalksAsync(null, 10)).Title);
    }

    [Theory, SqliteStore, PostgresStore]
    public async Task Append_WithStaleExpectedVersion_ThrowsConflictAndAppendsNothing(string kind)
    {
        await using var t = await TestStores.CreateAsync(kind);
        await t.Store.AppendAsync(Request("k1", 0, null, new TalksCreated("T", "x")));

        var ex = await Assert.ThrowsAsync<ConcurrencyException>(() => t.Store.AppendAsync(Request("k1", 0, null, new StageOpened("S1"))));
        Assert.Equal((0, 1), (ex.Expected, ex.Actual));
        Assert.Single(await t.Store.ReadAsync("k1", 0, 100));
    }

    [Theory, SqliteStore, PostgresStore]
    public async Task Append_RetriedWithSameKey_AppendsOnceAndReturnsFirstResult(string kind)
    {
        await using var t = await TestStores.CreateAsync(kind);
        await t.Store.AppendAsync(Request("k1", 0, null, new TalksCreated("T", "x")));
        var first = await t.Store.AppendAsync(Request("k1", 1, "key-1", new StageOpened("S1")));
        // The retry carries the same (now stale) expected version: it must not conflict, nor append.
        var retry = await t.Store.AppendAsync(Request("k1", 1, "key-1", new StageOpened("S1")));

        Assert.False(first.Replayed);
        Assert.True(retry.Replayed);
        Assert.Equal((first.FirstVersion, first.LastVersion), (retry.FirstVersion, retry.LastVersion));
        Assert.Equal(2, (await t.Store.ReadAsync("k1", 0, 100)).Count);
    }

    [Theory, SqliteStore, PostgresStore]
    public async Task Append_ManyAtOnce_RefusalsFailAlone_AndTheRestCommitInOrder(string kind)
    {
        // Submitted together, so group commit puts them in one batch where it can: the stale and the reused-key
        // appends must fail alone, the others commit, and each talks' appends keep their submission order.
        await using var t = await TestStores.CreateAsync(kind);
        await t.Store.AppendAsync(Request("k0", 0, "key-0", new TalksCreated("T", "x")));
        var good = Enumerable.Range(1, 20).Select(i => t.Store.AppendAsync(Request("k" + i, 0, null, new TalksCreated("T" + i, "x")))).ToList();
        var stale = t.Store.AppendAsync(Request("k0", 0, null, new StageOpened("S1")));
        var reused = t.Store.AppendAsync(Request("k0", 1, "key-0", new StageOpened("S1"), new StageOpened("S2")));
        var next = t.Store.AppendAsync(Request("k0", 1, "key-1", new StageOpened("S3")));

        Assert.All(await Task.WhenAll(good), r => Assert.Equal((1, 1, false), (r.FirstVersion, r.LastVersion, r.Replayed)));
        var conflict = await Assert.ThrowsAsync<ConcurrencyException>(() => stale);
        Assert.Equal((0, 1), (conflict.Expected, conflict.Actual));
        await Assert.ThrowsAsync<IdempotencyKeyReusedException>(() => reused);
        var after = await next;
        Assert.Equal((2, 2, false), (after.FirstVersion, after.LastVersion, after.Replayed));
        Assert.Equal([new TalksCreated("T", "x"), new StageOpened("S3")], (await t.Store.ReadAsync("k0", 0, 100)).Select(e => e.Event));
        Assert.Equal(21, (await t.Store.ListTalksAsync(null, 100)).Count);
    }

    [Theory, SqliteStore, PostgresStore]
    public async Task Append_KeyReusedForAnotherRequest_Throws(string kind)
    {
        await using var t = await TestStores.CreateAsync(kind);
        await t.Store.AppendAsync(Request("k1", 0, "key-1", new TalksCreated("T", "x")));
        await Assert.ThrowsAsync<IdempotencyKeyReusedException>(() =>
            t.Store.AppendAsync(Request("k1", 1, "key-1", new StageOpened("S1"), new StageOpened("S2"))));
    }

    [Theory, SqliteStore, PostgresStore]
    public async Task ConcurrentAppends_AtSameVersion_ExactlyOneWins(string kind)
    {
        await using var t = await TestStores.CreateAsync(kind);
        await t.Store.AppendAsync(Request("k1", 0, null, new TalksCreated("T", "x")));

        var attempts = Enumerable.Range(0, 16).Select(i => Task.Run(async () =>
        {
            try
            {
                await t.Store.AppendAsync(Request("k1", 1, null, new StatementIssued("ST" + i, "RU", "s" + i, true)));
                return true;
            }
            catch (ConcurrencyException)
            {
                return false;
            }
        })).ToArray();
        var won = await Task.WhenAll(attempts);

        Assert.Equal(1, won.Count(w => w));
        Assert.Equal(2, (await t.Store.ReadAsync("k1", 0, 100)).Count);
    }

    [Theory, SqliteStore, PostgresStore]
    public async Task ConcurrentAppends_ToDifferentTalks_AllLandGapFree(string kind)
    {
        await using var t = await TestStores.CreateAsync(kind);
        var tasks = Enumerable.Range(0, 8).Select(k => Task.Run(async () =>
        {
            var id = "talks-" + k;
            await t.Store.AppendAsync(Request(id, 0, null, new TalksCreated(id, "x")));
            for (var v = 1; v <= 20; v++)
            {
                await t.Store.AppendAsync(Request(id, v, "k" + v, new StatementIssued("ST" + v, "RU", "s", true)));
            }
        }));
        await Task.WhenAll(tasks);

        for (var k = 0; k < 8; k++)
        {
            Assert.Equal(Enumerable.Range(1, 21).Select(v => (long)v), (await t.Store.ReadAsync("talks-" + k, 0, 1000)).Select(e => e.Version));
        }

        var page1 = await t.Store.ListTalksAsync(null, 5);
        var page2 = await t.Store.ListTalksAsync(page1[^1].Id, 5);
        Assert.Equal(5, page1.Count);
        Assert.Equal(3, page2.Count);
    }

    [Theory, SqliteStore, PostgresStore]
    public async Task Tokens_AreFoundByHashOnly(string kind)
    {
        await using var t = await TestStores.CreateAsync(kind);
        var token = Tokens.NewToken();
        await t.Store.AddTokenAsync(new TokenRecord(Tokens.Hash(token), "k1", RoleKind.Party, "UA", "Ukraine"));

        var found = await t.Store.FindTokenAsync(Tokens.Hash(token));
        Assert.Equal(new TokenRecord(Tokens.Hash(token), "k1", RoleKind.Party, "UA", "Ukraine"), found);
        Assert.Null(await t.Store.FindTokenAsync(token));
        Assert.Null(await t.Store.FindTokenAsync(Tokens.Hash(token + "x")));
    }

    [Fact]
    public async Task Sqlite_ReopenedFile_KeepsEvents()
    {
        var dir = Directory.CreateTempSubdirectory("parley-talks-");
        try
        {
            var path = Path.Combine(dir.FullName, "p.db");
            await using (var store = new SqliteEventStore(path))
            {
                await store.MigrateAsync();
                await store.AppendAsync(Request("k1", 0, null, new TalksCreated("T", "x")));
            }

            await using var reopened = new SqliteEventStore(path);
            await reopened.MigrateAsync();
            Assert.Single(await reopened.ReadAsync("k1", 0, 10));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void EventStores_Open_PicksBackendFromTheValue()
    {
        Assert.IsType<PostgresEventStore>(EventStores.Open("Host=localhost;Database=x"));
        Assert.IsType<PostgresEventStore>(EventStores.Open("postgres://u:p@localhost:5433/db"));
        Assert.IsType<SqliteEventStore>(EventStores.Open("parley.db"));
    }
}
