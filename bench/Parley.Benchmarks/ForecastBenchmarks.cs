using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Parley.Forecast;

namespace Parley.Benchmarks;

/// <summary>
/// One full SMP run (to KTAB's stop test) on KTAB's inputs, and the flagship robustness analysis.
/// Run: dotnet run -c Release --project bench/Parley.Benchmarks -- --filter '*Forecast*'
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
[MemoryDiagnoser]
public class ForecastBenchmarks
{
    private ForecastInput _input = null!;

    [Params("dummyData_3Dim", "dummyData-a040", "dummyData-a080", "dummyData-a160")]
    public string Input { get; set; } = "";

    [Params(1, 2)]
    public int Threads { get; set; }

    [GlobalSetup]
    public void Setup() => _input = Load(Input + ".csv");

    [Benchmark]
    public int SmpRun() => SmpModel.Run(_input, new SmpOptions { MaxDegreeOfParallelism = Threads }).Turns;

    internal static ForecastInput Load(string name)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Parley.slnx")))
        {
            dir = dir.Parent;
        }

        var path = Path.Combine(dir?.FullName ?? ".", "tests", "Parley.Core.Tests", "Forecast", "Data", name);
        return KtabCsvReader.Read(File.ReadAllText(path), path).OrThrow();
    }
}
