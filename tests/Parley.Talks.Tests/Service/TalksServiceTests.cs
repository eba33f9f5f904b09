using Parley.Model;
using Parley.Talks.Access;
using Parley.Talks.Ledger;
using Parley.Talks.Rules;
using Parley.Talks.Service;
using Parley.Talks.Storage;
using static Parley.Talks.Tests.TalksFixture;

namespace Parley.Talks.Tests.Service;

public sealed class TalksServiceTests
{
    [Theory, SqliteStore, PostgresStore]
    public async Task Create_SeedsTheLedgerFromTheScenario(string kind)
    {
        await using var f = await CreateAsync(kind);
        var view = await f.View(Party("UA"));

        Assert.Equal(StageStatus.Done, view.Stages!.Single(s => s.Id == "S1").Status);
        Assert.Equal(StageStatus.Open, view.Stages!.Single(s => s.Id == "S2").Status);
        Assert.Equal(["UA"], view.Venues!.Single(v => v.Id == "V1").RejectedBy);
        Assert.Equal(2, view.Deadlines!.Count);
        Assert.Equal(40, view.Position!.Reservation);
        Assert.Equal(["party", "party", "party", "party", "party", "mediator", "observer"], f.Talks.Tokens.Select(t => t.Kind.ToString().ToLowerInvariant()));
    }

    [Theory, SqliteStore, PostgresStore]
    public async Task ReadModel_RebuiltFromEvents_EqualsTheLiveOne(string kind)
    {
        await using var f = await CreateAsync(kind);
        await f.Do(Party("RU"), (s, c) => TalksRules.IssueStatement(s, c, "ready to talk", true));
        await f.Do(Party("UA"), (s, c) => TalksRules.ProposeMeeting(s, c, null, "S2", "V3", null));
        var live = System.Text.Json.JsonSerializer.Serialize(await f.View(Party("RU")), EventJson.Options);

        var fresh = new TalksService(f.Store.Store, f.Time);
        var rebuilt = System.Text.Json.JsonSerializer.Serialize(await fresh.ReadAsync(f.Id, s => TalksViews.Overview(s, Party("RU"))), EventJson.Options);
        Assert.Equal(live, rebuilt);
    }

    [Fact]
    public async Task Command_RetriedWithSameKey_AppendsOnce()
    {
        await using var f = await CreateAsync();
        var first = await f.Do(Party("RU"), (s, c) => TalksRules.IssueStatement(s, c, "once", true), key: "k-1");
        var again = await f.Do(Party("RU"), (s, c) => TalksRules.IssueStatement(s, c, "once", true), key: "k-1");

        Assert.False(first.Replayed);
        Assert.True(again.Replayed);
        Assert.Equal(first.LastVersion, again.LastVersion);
        Assert.Single((await f.View(Observer)).Statements);
    }

    [Fact]
    public async Task Command_WithStaleExpectedVersion_Conflicts()
    {
        await using var f = await CreateAsync();
        var version = (await f.View(Party("RU"))).Version!.Value;
        await f.Do(Party("RU"), (s, c) => TalksRules.IssueStatement(s, c, "first", true), expected: version);
        var ex = await Assert.ThrowsAsync<ConcurrencyException>(() => f.Do(Party("UA"), (s, c) => TalksRules.IssueStatement(s, c, "second", true), expected: version));
        Assert.Equal(version + 1, ex.Actual);
    }

    [Theory, SqliteStore, PostgresStore]
    public async Task Deadlines_ExpireWhenTheirDayEnds_WithTheirConsequence(string kind)
    {
        await using var f = await CreateAsync(kind);
        Assert.Equal(0, await f.Service.ExpireDueDeadlinesAsync());

        f.Time.SetUtcNow(new DateTimeOffset(2025, 8, 8, 23, 59, 0, TimeSpan.Zero));
        Assert.Equal(0, await f.Service.ExpireDueDeadlinesAsync());

        f.Time.SetUtcNow(new DateTimeOffset(2025, 8, 9, 0, 0, 0, TimeSpan.Zero));
        Assert.Equal(1, await f.Service.ExpireDueDeadlinesAsync());
        var view = await f.View(Observer);
        Assert.True(view.Deadlines!.Single(d => d.Id == "D-aug8").Expired);
        Assert.Equal(["D-aug8"], view.PressureSteps);

        f.Time.SetUtcNow(new DateTimeOffset(2025, 9, 2, 0, 0, 1, TimeSpan.Zero));
        Assert.Equal(1, await f.Service.ExpireDueDeadlinesAsync());
        Assert.True((await f.View(Observer)).Stages!.Single(s => s.Id == "S4").Stalled);
        Assert.Equal(0, await f.Service.ExpireDueDeadlinesAsync());
    }

    [Fact]
    public async Task CloseStageDeadline_ClosesItsStageAsFailed()
    {
        await using var f = await CreateAsync();
        await f.Do(Party("RU"), (s, c) => TalksRules.SetDeadline(s, c, "D-s2", "appoint by", new DateOnly(2025, 8, 10), "S2", DeadlineConsequence.CloseStage, "S2 fails", new DateOnly(2025, 8, 5)));
        f.Time.Advance(TimeSpan.FromDays(10));
        await f.Service.ExpireDueDeadlinesAsync();
        var s2 = (await f.View(Observer)).Stages!.Single(s => s.Id == "S2");
        Assert.Equal(StageStatus.Failed, s2.Status);
    }

    [Fact]
    public async Task Views_ShowEachRoleOnlyItsShare()
    {
        await using var f = await CreateAsync();
        await f.Do(Party("RU"), (s, c) => TalksRules.IssueStatement(s, c, "public words", true));
        await f.Do(Party("RU"), (s, c) => TalksRules.IssueStatement(s, c, "private words", false));
        await f.Do(Party("UA"), (s, c) => TalksRules.Disclose(s, c, false, false, true, ["UA-not-moscow"], "between us"));

        var pub = await f.View(Caller.Public);
        Assert.Equal(["public words"], pub.Statements.Select(s => s.Text));
        Assert.Null(pub.Stages);
        Assert.Null(pub.Proposals);

        var observer = await f.View(Observer);
        Assert.NotNull(observer.Stages);
        Assert.Null(observer.Proposals);
        Assert.Null(observer.Position);
        Assert.Null(observer.Disclosures);
        Assert.Single(observer.Statements);

        var ru = await f.View(Party("RU"));
        Assert.Equal(55, ru.Position!.Reservation);
        Assert.Empty(ru.Disclosures!);
        Assert.Equal(2, ru.Statements.Count);

        var mediator = await f.View(Mediator);
        Assert.Null(mediator.Position);
        var disclosure = Assert.Single(mediator.Disclosures!);
        Assert.Equal(40, disclosure.Disclosure.Reservation);
        Assert.Null(disclosure.Disclosure.Weights);
        Assert.Equal("UA-not-moscow", Assert.Single(disclosure.Disclosure.RedLines!).Id);
    }

    [Fact]
    public async Task EventViews_HideOtherPartiesPrivateEvents_AndNumberOnlyWhatTheCallerSees()
    {
        await using var f = await CreateAsync();
        var raw = await f.Store.Store.ReadAsync(f.Id, 0, 1000);
        Assert.Equal(5, raw.Count(e => e.Event is PositionSubmitted));

        var ru = (await f.Service.ReadEventsAsync(f.Id, Party("RU"), 0, 1000)).Events;
        Assert.Equal(["RU"], ru.Select(e => e.Event).OfType<PositionSubmitted>().Select(p => p.Party));
        Assert.Equal(Enumerable.Range(1, ru.Count).Select(i => (long)i), ru.Select(e => e.Version));
        Assert.Equal(ru.Count, (await f.View(Party("RU"))).Version);
        Assert.True(ru.Count < raw.Count);
        Assert.Empty((await f.Service.ReadEventsAsync(f.Id, Mediator, 0, 1000)).Events.Select(e => e.Event).OfType<PositionSubmitted>());
        Assert.Empty((await f.Service.ReadEventsAsync(f.Id, Caller.Public, 0, 1000)).Events);
        Assert.Empty((await f.Service.ReadEventsAsync(f.Id, Observer, 0, 1000)).Events.Select(e => e.Event).OfType<TokenIssued>());
        Assert.NotEmpty((await f.Service.ReadEventsAsync(f.Id, Caller.Organiser, 0, 1000)).Events.Select(e => e.Event).OfType<TokenIssued>());
    }

    [Fact]
    public async Task Subscription_ReceivesTheCallersShareOfAppendedEvents()
    {
        await using var f = await CreateAsync();
        using var ua = await f.Service.SubscribeAsync(f.Id, Party("UA"), null);
        using var eu = await f.Service.SubscribeAsync(f.Id, Party("EU"), null);
        await f.Do(Party("RU"), (s, c) => TalksRules.IssueStatement(s, c, "bilateral", false, "S2"));
        await f.Do(Party("RU"), (s, c) => TalksRules.IssueStatement(s, c, "live", true));
        Assert.True(ua.Events.TryRead(out var first));
        Assert.Equal("bilateral", Assert.IsType<StatementIssued>(first!.Event).Text);
        Assert.True(eu.Events.TryRead(out var e));
        Assert.Equal("live", Assert.IsType<StatementIssued>(e!.Event).Text);
        Assert.False(eu.Events.TryRead(out _));
    }

    [Fact]
    public async Task SlowSubscriber_IsCutOff_NotSkipped()
    {
        await using var f = await CreateAsync();
        using var slow = await f.Service.SubscribeAsync(f.Id, Party("UA"), null);
        for (var i = 0; i < 1100; i++)
        {
            await f.Do(Party("RU"), (s, c) => TalksRules.IssueStatement(s, c, "s" + i, true));
        }

        var read = 0;
        var last = 0L;
        await Assert.ThrowsAsync<SubscriberTooSlowException>(async () =>
        {
            await foreach (var e in slow.Events.ReadAllAsync())
            {
                Assert.Equal(last + 1 == 1 ? e.Version : last + 1, e.Version);
                last = e.Version;
                read++;
            }
        });
        Assert.Equal(1024, read);
        // The resume point: everything after it is still there, in order.
        var rest = await f.Service.ReadEventsAsync(f.Id, Party("UA"), last, 500);
        Assert.Equal(last + 1, rest.Events[0].Version);
    }

    [Fact]
    public async Task IdempotencyKeys_AreTheCallersOwn()
    {
        await using var f = await CreateAsync();
        await f.Do(Party("UA"), (s, c) => TalksRules.IssueStatement(s, c, "ua", true), key: "k-1");
        // EU using the same key is a new request of EU's, not UA's replay nor a "reused key" error.
        var eu = await f.Do(Party("EU"), (s, c) => TalksRules.IssueStatement(s, c, "eu", true), key: "k-1");
        Assert.False(eu.Replayed);
        var again = await f.Do(Party("UA"), (s, c) => TalksRules.IssueStatement(s, c, "ua", true), key: "k-1");
        Assert.True(again.Replayed);
        Assert.Equal(2, (await f.View(Caller.Public)).Statements.Count);
    }

    [Fact]
    public async Task RevokedToken_NoLongerAuthenticates_AndReopeningIssuesNoTokens()
    {
        await using var f = await CreateAsync();
        var eu = f.Talks.Tokens.Single(t => t.Party == "EU");
        Assert.Equal(Party("EU"), await f.Service.AuthenticateAsync(f.Id, eu.Token));
        await f.Service.RevokeTokenAsync(f.Id, eu.Id, "lost");
        Assert.Null(await f.Service.AuthenticateAsync(f.Id, eu.Token));
        Assert.Null(await f.Service.AuthenticateAsync(f.Id, "made-up"));

        var reopened = await f.Service.OpenAsync(Flagship, newTokens: false);
        Assert.True(reopened.Existing);
        Assert.Empty(reopened.Tokens);
        var ua = f.Talks.Tokens.Single(t => t.Party == "UA");
        var rotated = await f.Service.RotateTokenAsync(f.Id, ua.Id);
        Assert.Null(await f.Service.AuthenticateAsync(f.Id, ua.Token));
        Assert.Equal(Party("UA"), await f.Service.AuthenticateAsync(f.Id, rotated.Token));
        var ledger = (await f.Service.ReadEventsAsync(f.Id, Caller.Organiser, 0, 1000)).Events.Select(e => e.Event).ToList();
        Assert.Contains(ledger, e => e is TokenRevoked r && r.Token == eu.Id);
        Assert.Contains(ledger, e => e is TokenIssued i && i.Token == rotated.Id);
    }

    [Fact]
    public async Task Authenticate_MapsTokensToCallers()
    {
        await using var f = await CreateAsync();
        var ua = f.Talks.Tokens.Single(t => t.Kind == RoleKind.Party && t.Party == "UA").Token;
        Assert.Equal(Party("UA"), await f.Service.AuthenticateAsync(f.Id, ua));
        Assert.Equal(Caller.Public, await f.Service.AuthenticateAsync(f.Id, null));
        Assert.Null(await f.Service.AuthenticateAsync(f.Id, "not-a-token"));
        Assert.Null(await f.Service.AuthenticateAsync("other-talks", ua));
    }

    [Fact]
    public async Task UnknownTalks_IsNotFound() =>
        await Assert.ThrowsAsync<NotFoundException>(async () =>
        {
            await using var f = await CreateAsync();
            await f.Service.ReadAsync("nope", s => s.Version);
        });

    [Theory, PostgresStore]
    public async Task TwoInstances_SharingPostgres_SeeEachOthersAppends(string kind)
    {
        await using var f = await CreateAsync(kind);
        var other = new TalksService(f.Store.Store, f.Time);
        Assert.Empty(await other.ReadAsync(f.Id, s => s.Statements.Select(st => st.Text).ToList()));

        await f.Do(Party("RU"), (s, c) => TalksRules.IssueStatement(s, c, "from instance A", true));
        Assert.Equal(["from instance A"], await other.ReadAsync(f.Id, s => s.Statements.Select(st => st.Text).ToList()));

        await other.ExecuteAsync(f.Id, Party("UA"), null, null, "h", (s, c) => TalksRules.IssueStatement(s, c, "from instance B", true));
        Assert.Equal(2, (await f.View(Observer)).Statements.Count);
    }

    [Fact]
    public async Task SqliteInstance_WithAStaleCache_RecoversAfterOneConflict()
    {
        await using var f = await CreateAsync();
        var other = new TalksService(f.Store.Store, f.Time);
        await other.ReadAsync(f.Id, s => s.Version);
        await f.Do(Party("RU"), (s, c) => TalksRules.IssueStatement(s, c, "from A", true));

        await Assert.ThrowsAsync<ConcurrencyException>(() => other.ExecuteAsync(f.Id, Party("UA"), null, null, "h", (s, c) => TalksRules.IssueStatement(s, c, "from B", true)));
        await other.ExecuteAsync(f.Id, Party("UA"), null, null, "h2", (s, c) => TalksRules.IssueStatement(s, c, "from B", true));
        var fresh = new TalksService(f.Store.Store, f.Time);
        Assert.Equal(["from A", "from B"], await fresh.ReadAsync(f.Id, s => s.Statements.Select(st => st.Text).ToList()));
    }

    [Theory, PostgresStore]
    public async Task LiveFeed_OnOneInstance_CarriesAppendsOfAnother(string kind)
    {
        await using var f = await CreateAsync(kind);
        await using var secondStore = new PostgresEventStore(f.Store.ConnectionString!);
        var second = new TalksService(secondStore, f.Time);
        using var subscription = await second.SubscribeAsync(f.Id, Caller.Public, null);
        await secondStore.Listening.WaitAsync(TimeSpan.FromSeconds(20));

        await f.Do(Party("RU"), (s, c) => TalksRules.IssueStatement(s, c, "across instances", true));

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var e = await subscription.Events.ReadAsync(timeout.Token);
        Assert.Equal("across instances", Assert.IsType<StatementIssued>(e.Event).Text);
    }

    [Theory, PostgresStore]
    public async Task Tokens_CachedOnAnotherInstance_AreDroppedThereWhenRevokedHere(string kind)
    {
        await using var f = await CreateAsync(kind);
        await using var secondStore = new PostgresEventStore(f.Store.ConnectionString!);
        var counting = new CountingStore(secondStore);
        var second = new TalksService(counting, f.Time);
        await secondStore.Listening.WaitAsync(TimeSpan.FromSeconds(20));
        var eu = f.Talks.Tokens.Single(t => t.Party == "EU");
        var ua = f.Talks.Tokens.Single(t => t.Party == "UA");

        // While revocations are signalled, a live token is looked up once and then served from the cache.
        Assert.True(secondStore.SignalsRevocations);
        Assert.Equal(Party("EU"), await second.AuthenticateAsync(f.Id, eu.Token));
        Assert.Equal(Party("UA"), await second.AuthenticateAsync(f.Id, ua.Token));
        Assert.Equal(Party("EU"), await second.AuthenticateAsync(f.Id, eu.Token));
        Assert.Equal(2, counting.TokenLookups);

        // Revoked on the first instance: the second hears it (its service's handler runs before this one) and refuses it.
        var heard = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var euHash = (await f.Store.Store.ListTokensAsync(f.Id)).Single(t => t.Party == "EU" && t.Kind == Parley.Talks.Access.RoleKind.Party).Hash;
        secondStore.TokenRevoked += hash => { if (hash == euHash) { heard.TrySetResult(); } };
        await f.Service.RevokeTokenAsync(f.Id, eu.Id, "lost");
        await heard.Task.WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Null(await second.AuthenticateAsync(f.Id, eu.Token));
        Assert.Equal(3, counting.TokenLookups);
        // UA's token stays cached: only the revoked one was dropped.
        Assert.Equal(Party("UA"), await second.AuthenticateAsync(f.Id, ua.Token));
        Assert.Equal(3, counting.TokenLookups);
    }

    [Fact]
    public async Task Tokens_OnAStoreThatCannotSignalRevocations_AreLookedUpOnEveryRequest()
    {
        await using var f = await CreateAsync();
        var counting = new CountingStore(f.Store.Store, sharedWithoutSignals: true);
        var service = new TalksService(counting, f.Time);
        var eu = f.Talks.Tokens.Single(t => t.Party == "EU");

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(Party("EU"), await service.AuthenticateAsync(f.Id, eu.Token));
        }

        Assert.Equal(3, counting.TokenLookups);
    }

    [Fact]
    public async Task Ledger_KeepsNoPrivateSectionOfTheScenario()
    {
        await using var f = await CreateAsync();
        var created = Assert.IsType<TalksCreated>((await f.Store.Store.ReadAsync(f.Id, 0, 1))[0].Event);
        foreach (var section in new[] { "preferences:", "conflict:", "simulation:", "forecast:", "reservation" })
        {
            Assert.DoesNotContain(section, created.ScenarioYaml);
        }

        Assert.Contains("process:", created.ScenarioYaml);
    }
}
