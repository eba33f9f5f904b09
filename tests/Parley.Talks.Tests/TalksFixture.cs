using Parley.Tests;
using Microsoft.Extensions.Time.Testing;
using Parley.Model;
using Parley.Scenarios;
using Parley.Talks.Access;
using Parley.Talks.Service;

namespace Parley.Talks.Tests;

/// <summary>The flagship opened as talks on a fresh store, with a fake clock set before its deadlines.</summary>
public sealed class TalksFixture : IAsyncDisposable
{
    private TalksFixture(TestStore store, FakeTimeProvider time, TalksService service, CreatedTalks talks)
    {
        Store = store;
        Time = time;
        Service = service;
        Talks = talks;
    }

    public TestStore Store { get; }

    public FakeTimeProvider Time { get; }

    public TalksService Service { get; }

    public CreatedTalks Talks { get; }

    public string Id => Talks.Id;

    public static Scenario Flagship { get; } = ScenarioLoader.LoadOrThrow(File.ReadAllBytes(TestPaths.Flagship), TestPaths.Flagship);

    public static async Task<TalksFixture> CreateAsync(string kind = "sqlite", Scenario? scenario = null)
    {
        var store = await TestStores.CreateAsync(kind);
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 8, 5, 9, 0, 0, TimeSpan.Zero));
        try
        {
            var service = new TalksService(store.Store, time);
            var talks = await service.CreateAsync(scenario ?? Flagship);
            return new TalksFixture(store, time, service, talks);
        }
        catch
        {
            await store.DisposeAsync();
            throw;
        }
    }

    public static Caller Party(string id) => new(RoleKind.Party, id);

    public static Caller Mediator => new(RoleKind.Mediator, "US");

    public static Caller Observer => new(RoleKind.Observer, null);

    public Task<CommandResult> Do(Caller caller, Func<ReadModel.TalksProjection, Caller, IReadOnlyList<Ledger.TalksEvent>> decide, string? key = null, long? expected = null) =>
        Service.ExecuteAsync(Id, caller, expected, key, key ?? Guid.NewGuid().ToString(), decide);

    public Task<TalksOverview> View(Caller caller) => Service.ReadAsync(Id, s => TalksViews.Overview(s, caller));

    public ValueTask DisposeAsync() => Store.DisposeAsync();
}
