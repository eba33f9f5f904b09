using Parley.Talks.Access;
using Parley.Talks.Ledger;
using Parley.Talks.Rules;
using Parley.Talks.Service;
using Parley.Talks.Storage;
using static Parley.Talks.Tests.TalksFixture;

namespace Parley.Talks.Tests.Service;

/// <summary>
/// The command path without reads before the append (decided on the cache, key and version checked by
/// the store) answers exactly as the checked path: replays, reused keys, refusals and stale caches.
/// </summary>
public sealed class CommandPathTests
{
    [Theory, SqliteStore, PostgresStore]
    public async Task Command_AfterThisServicesOwnAppend_IsOneAppendAndNoRead(string kind)
    {
        await using var f = await CreateAsync(kind);
        var counting = new CountingStore(f.Store.Store);
        var service = new TalksService(counting, f.Time);
        await service.ExecuteAsync(f.Id, Party("RU"), null, "k-0", "h-0", (s, c) => TalksRules.IssueStatement(s, c, "warm", true));
        counting.Reset();

        var result = await service.ExecuteAsync(f.Id, Party("RU"), null, "k-1", "h-1", (s, c) => TalksRules.IssueStatement(s, c, "fast", true));

        Assert.False(result.Replayed);
        Assert.Equal((0, 0, 1), (counting.Reads, counting.IdempotencyLookups, counting.Appends));
        Assert.Equal(["warm", "fast"], await new TalksService(f.Store.Store, f.Time).ReadAsync(f.Id, s => s.Statements.Select(st => st.Text).ToList()));
    }

    [Theory, SqliteStore, PostgresStore]
    public async Task KeySeenBefore_IsReplayed_EvenWhenTheCommandWouldNowBeRefused(string kind)
    {
        await using var f = await CreateAsync(kind);
        var first = await f.Do(Party("RU"), (s, c) => TalksRules.IssueStatement(s, c, "once", true), key: "k-1");
        // The fixture hashes a request as its key: the same request again.
        var again = await f.Service.ExecuteAsync(f.Id, Party("RU"), null, "k-1", "k-1",
            (_, _) => throw new RuleViolationException(TalksRules.References, "refused now"));
        // Another key for the same refusal is refused.
        await Assert.ThrowsAsync<RuleViolationException>(() => f.Service.ExecuteAsync(f.Id, Party("RU"), null, "k-2", "k-2",
            (_, _) => throw new RuleViolationException(TalksRules.References, "refused now")));

        Assert.True(again.Replayed);
        Assert.Equal((first.FirstVersion, first.LastVersion), (again.FirstVersion, again.LastVersion));
        Assert.Single((await f.View(Observer)).Statements);
    }

    [Theory, SqliteStore, PostgresStore]
    public async Task KeySeenBefore_WithAStaleExpectedVersion_IsReplayed_AndAnotherRequestWithItIsRefused(string kind)
    {
        await using var f = await CreateAsync(kind);
        var version = (await f.View(Party("RU"))).Version!.Value;
        var first = await f.Do(Party("RU"), (s, c) => TalksRules.IssueStatement(s, c, "once", true), key: "k-1", expected: version);
        var again = await f.Do(Party("RU"), (s, c) => TalksRules.IssueStatement(s, c, "once", true), key: "k-1", expected: version);
        await Assert.ThrowsAsync<IdempotencyKeyReusedException>(() =>
            f.Service.ExecuteAsync(f.Id, Party("RU"), null, "k-1", "another request", (s, c) => TalksRules.IssueStatement(s, c, "other", true)));

        Assert.True(again.Replayed);
        Assert.Equal(first.LastVersion, again.LastVersion);
        Assert.Single((await f.View(Observer)).Statements);
    }

    [Theory, PostgresStore]
    public async Task StaleCache_OfASecondInstance_IsReReadAndReDecided(string kind)
    {
        await using var f = await CreateAsync(kind);
        var other = new TalksService(f.Store.Store, f.Time);
        await other.ReadAsync(f.Id, s => s.Version);
        await f.Do(Party("RU"), (s, c) => TalksRules.IssueStatement(s, c, "from A", true));
        var current = (await f.View(Party("UA"))).Version!.Value;

        // Other's cache is one event behind: its expected version (the caller's current one) is not a conflict.
        var result = await other.ExecuteAsync(f.Id, Party("UA"), current, "k", "h", (s, c) => TalksRules.IssueStatement(s, c, $"after {s.Statements.Count}", true));
        // A version the caller saw before A's append is.
        var stale = await Assert.ThrowsAsync<ConcurrencyException>(() =>
            new TalksService(f.Store.Store, f.Time).ExecuteAsync(f.Id, Party("UA"), current, null, "h2", (s, c) => TalksRules.IssueStatement(s, c, "late", true)));

        Assert.Equal(current + 1, result.LastVersion);
        Assert.Equal(current + 1, stale.Actual);
        Assert.Equal(["from A", "after 1"], await new TalksService(f.Store.Store, f.Time).ReadAsync(f.Id, s => s.Statements.Select(st => st.Text).ToList()));
    }

    [Theory, PostgresStore]
    public async Task RefusalOnAStaleCache_IsDecidedAgainOnTheStoresState(string kind)
    {
        await using var f = await CreateAsync(kind);
        var other = new TalksService(f.Store.Store, f.Time);
        await other.ReadAsync(f.Id, s => s.Version);
        await f.Do(Party("RU"), (s, c) => TalksRules.IssueStatement(s, c, "from A", true));

        // Refused on other's stale cache (no statement yet), allowed on the store's state.
        var result = await other.ExecuteAsync(f.Id, Party("UA"), null, null, "h", (s, c) =>
        {
            TalksRules.Require(s.Statements.Count == 1, TalksRules.References, "needs A's statement");
            return TalksRules.IssueStatement(s, c, "reply", true);
        });

        Assert.False(result.Replayed);
        Assert.Equal(["from A", "reply"], await new TalksService(f.Store.Store, f.Time).ReadAsync(f.Id, s => s.Statements.Select(st => st.Text).ToList()));
    }
}
