using BenchmarkDotNet.Attributes;
using Parley.Negotiation;
using Parley.Negotiation.Simulation;
using Parley.Negotiation.Tournaments;
using Parley.Scenarios;

namespace Parley.Benchmarks;

/// <summary>
/// Negotiation lens: utility evaluations of offers on linear additive domains (the inner loop of every
/// strategy and acceptance test), one bilateral session, and batches of staged flagship runs.
/// Run: dotnet run -c Release --project bench/Parley.Benchmarks -- --filter '*Negotiation*'
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 6)]
public class NegotiationBenchmarks
{
    private const int Offers = 1 << 20;
    private PartyView _flagshipView = null!;
    private PartyView _largeView = null!;
    private long[] _flagshipOffers = null!;
    private long[] _largeOffers = null!;
    private SimulationPlan _plan = null!;
    private TournamentSpec _tournament = null!;
    private TournamentDomain _domain = null!;
    private TournamentSession _session = null!;

    [GlobalSetup]
    public void Setup()
    {
        var path = Path.Combine(FindRoot(), "examples", "ukraine-talks-2025.yaml");
        var scenario = ScenarioLoader.LoadOrThrow(File.ReadAllBytes(path), path);
        var ru = PartyModel.From(scenario.PreferencesOf("RU")!, scenario.Issues);
        var space = new OutcomeSpace([.. scenario.Issues.Select(i => i.Options.Count)]);
        _flagshipView = ru.View(space, [.. scenario.Issues.Select(_ => -1)], ru.Reservation);
        _ = _flagshipView.Ranked; // builds the lookup table, as in a session

        // 10 issues × 10 options = 10^10 packages: too many to tabulate, evaluated by decoding the package code.
        var rng = new SplitMix64(1);
        var table = Enumerable.Range(0, 10).Select(_ => Enumerable.Range(0, 10).Select(_ => rng.NextDouble() * 10).ToArray()).ToArray();
        _largeView = new PartyView("L", new OutcomeSpace([.. Enumerable.Repeat(10, 10)]), table, 0, [], [.. Enumerable.Repeat(-1, 10)]);
        _flagshipOffers = [.. Enumerable.Range(0, Offers).Select(_ => rng.NextLong(space.Size))];
        _largeOffers = [.. Enumerable.Range(0, Offers).Select(_ => rng.NextLong(_largeView.Space.Size))];

        _plan = SimulationPlan.Compile(scenario, SimulationSpec.Of(scenario));
        var (spec, _) = TournamentSpecReader.Read("strategies: [boulware, linear]\nrounds: 100\ndomains: [{scenario: x.yaml}]\n"u8, "bench.yaml");
        _tournament = spec!;
        _domain = TournamentDomain.FromScenario("ru-ua", scenario, ["RU", "UA"], redLines: false);
        _session = Tournament.Sessions(_tournament, [_domain])[1];
    }

    [Benchmark(OperationsPerInvoke = Offers, Description = "offer utility, flagship (9,216 packages, table)")]
    public double EvaluateFlagship()
    {
        var sum = 0.0;
        foreach (var o in _flagshipOffers)
        {
            sum += _flagshipView.Utility(o);
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Offers, Description = "offer utility, 10 issues x 10 options (decoded)")]
    public double EvaluateLarge()
    {
        var sum = 0.0;
        foreach (var o in _largeOffers)
        {
            sum += _largeView.Utility(o);
        }

        return sum;
    }

    [Benchmark(Description = "bilateral session, boulware vs linear, 100 rounds, flagship")]
    public SessionResult Session() => Tournament.RunSession(_tournament, _domain, _session);

    [Benchmark(OperationsPerInvoke = 1000, Description = "staged flagship run (1,000 runs, 1 thread)")]
    public long StagedRuns1() => StagedForecast.Run(_plan, 1, 1000, threads: 1).Runs;

    [Benchmark(OperationsPerInvoke = 1000, Description = "staged flagship run (1,000 runs, 2 threads)")]
    public long StagedRuns2() => StagedForecast.Run(_plan, 1, 1000, threads: 2).Runs;

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Parley.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Parley.slnx not found");
    }
}
