using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Parley.Forecast;

namespace Parley.Benchmarks;

/// <summary>The flagship's robustness analysis: 5 leave-one-out runs plus 20 seeded stochastic runs.</summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class ForecastRobustnessBenchmarks
{
    private readonly ForecastInput _input = ForecastBenchmarks.Load("ukr2025_smp_illustrative.csv");

    [Benchmark]
    public int FlagshipRobustness20Seeds() => RobustnessAnalysis.Run(_input, new SmpOptions(), runs: 20).Seeds.Count;
}
