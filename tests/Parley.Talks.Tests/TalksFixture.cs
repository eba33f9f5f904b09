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

    public static Caller Party(string id) => Caller.OfParty(id);

    public static Caller Mediator => Caller.Mediator;

    public static Caller Observer => Caller.Observer;

    /// <summary>The flagship with S1–S4 done and S5 (the mediator's entry stage) pending.</summary>
    public static Scenario FlagshipBeforeS5 { get; } = Flagship with
    {
        Process = Flagship.Process! with
        {
            Stages = Flagship.Process.Stages.Select(st => st with { Status = st.Id is "S1" or "S2" or "S3" or "S4" ? StageStatus.Done : StageStatus.Pending }).ToValueList(),
        },
    };

    public Task<CommandResult> Do(Caller caller, Func<ReadModel.TalksProjection, Caller, IReadOnlyList<Ledger.TalksEvent>> decide, string? key = null, long? expected = null) =>
        Service.ExecuteAsync(Id, caller, expected, key, key ?? Guid.NewGuid().ToString(), decide);

    public Task<TalksOverview> View(Caller caller) => Service.ReadAsync(Id, s => TalksViews.Overview(s, caller));

    public ValueTask DisposeAsync() => Store.DisposeAsync();
}
