using Parley.Core.Tests.Bargaining;
using BenchmarkDotNet.Attributes;
using Parley.Bargaining;
using Parley.Model;
using Parley.Scenarios;

namespace Parley.Benchmarks;

/// <summary>
/// Bargaining lens. Run: dotnet run -c Release --project bench/Parley.Benchmarks -- --filter '*Bargaining*'.
/// <c>Count*</c> measure the streaming brute force with its shortcuts off (every package is tested); divide the
/// package count by the mean time for outcomes/s.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 1, iterationCount: 5)]
public class BargainingBenchmarks
{
    /// <summary>8^9 = 134,217,728 packages.</summary>
    private const int Issues = 9;
    private const int Options = 8;

    private Scenario _flagship = null!;
    private UtilityTable _huge = null!;
    private GroupedSpace _two = null!;
    private GroupedSpace _four = null!;
    private double[] _twoThresholds = null!;
    private double[] _fourThresholds = null!;
    private UtilityTable _streamed = null!;
    private UtilityTable _constrained = null!;
    private UtilityTable _streamedFour = null!;

    [GlobalSetup]
    public void Setup()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "ukraine-talks-2025.yaml");
        _flagship = ScenarioLoader.Load(File.ReadAllBytes(File.Exists(path) ? path : FindExample()), "flagship.yaml").Scenario!;
        _huge = SyntheticTables.Additive(2, 15, 10, 7);
        var two = SyntheticTables.Additive(2, Issues, Options, 1);
        var four = SyntheticTables.Additive(4, Issues, Options, 2);
        _two = GroupedSpace.Build(two)!;
        _four = GroupedSpace.Build(four)!;
        _twoThresholds = [.. two.Parties.Select(p => (p.MaxUtility + p.MinUtility) / 2)];
        _fourThresholds = [.. four.Parties.Select(p => (p.MaxUtility + p.MinUtility) / 2)];
        _streamed = SyntheticTables.Additive(2, 8, 8, 3);
        _constrained = Constrained(_streamed);
        _streamedFour = SyntheticTables.Additive(4, 8, 8, 4);
    }

    [Benchmark(Description = "flagship RU+UA, no red lines (solve)")]
    public BargainingResult FlagshipTwo() => BargainingSolver.Solve(_flagship, new BargainingOptions { Parties = ["RU", "UA"], RedLines = false });

    [Benchmark(Description = "flagship RU+UA+US+EU, red lines + diagnosis (solve)")]
    public BargainingResult FlagshipFour() => BargainingSolver.Solve(_flagship);

    [Benchmark(Description = "two-party frontier, 10^15 packages (DP)")]
    public IReadOnlyList<Outcome> HugeFrontier() => BargainingSolver.Frontier(_huge);

    [Benchmark(Description = "count 1.34e8 packages, 2 parties, 2 threads")]
    public long CountTwo() => ZoneCounter.Count(_two, _twoThresholds, 2, shortcuts: false);

    [Benchmark(Description = "count 1.34e8 packages, 2 parties, 1 thread")]
    public long CountTwoSingle() => ZoneCounter.Count(_two, _twoThresholds, 1, shortcuts: false);

    [Benchmark(Description = "count 1.34e8 packages, 4 parties, 2 threads")]
    public long CountFour() => ZoneCounter.Count(_four, _fourThresholds, 2, shortcuts: false);

    [Benchmark(Description = "streaming frontier fallback, 8^8 = 1.68e7 packages, 2 parties, 2 threads")]
    public long Streamed() => StreamingFrontier.Compute(_streamed, [0, 0], 2, default).Admissible;

    [Benchmark(Description = "streaming frontier fallback, 1.68e7 packages, 2 parties, 2 threads, block shortcuts off")]
    public long StreamedEveryPackage() => StreamingFrontier.Compute(_streamed, [0, 0], 2, default, shortcuts: false).Admissible;

    [Benchmark(Description = "streaming frontier fallback, 1.68e7 packages, 2 parties, 1 thread, block shortcuts off")]
    public long StreamedEveryPackageSingle() => StreamingFrontier.Compute(_streamed, [0, 0], 1, default, shortcuts: false).Admissible;

    [Benchmark(Description = "streaming frontier fallback, 1.68e7 packages, 4 parties, 2 threads")]
    public long StreamedFour() => StreamingFrontier.Compute(_streamedFour, [0, 0, 0, 0], 2, default).Admissible;

    [Benchmark(Description = "streaming frontier fallback, 1.68e7 packages, 4 parties, 2 threads, block shortcuts off")]
    public long StreamedFourEveryPackage() => StreamingFrontier.Compute(_streamedFour, [0, 0, 0, 0], 2, default, shortcuts: false).Admissible;

    [Benchmark(Description = "streaming frontier fallback, 1.68e7 packages, 4 red lines over 7 issues, zone thresholds, 2 threads")]
    public long StreamedConstrained() => StreamingFrontier.Compute(_constrained, [40, 40], 2, default).Admissible;

    [Benchmark(Description = "streaming frontier fallback, 1.68e7 packages, 4 red lines, zone thresholds, 2 threads, block shortcuts off")]
    public long StreamedConstrainedEveryPackage() => StreamingFrontier.Compute(_constrained, [40, 40], 2, default, shortcuts: false).Admissible;

    private static string FindExample()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Parley.slnx")))
        {
            dir = dir.Parent;
        }

        return Path.Combine(dir?.FullName ?? ".", "examples", "ukraine-talks-2025.yaml");
    }

    // Red lines across issues of both the enumerated block and the prefix, including a three-issue disjunction.
    private static UtilityTable Constrained(UtilityTable table)
    {
        static IssueIn In(int issue, params int[] options) => new($"I{issue}", options.Select(o => $"I{issue}o{o}").ToValueList());
        RedLine[] first =
        [
            new("A1", new Implies(In(0, 1, 2), new Negation(In(7, 0, 3, 5)))),
            new("A2", new AnyOf(ValueList.Of<Condition>(In(2, 0, 1, 2, 3), In(5, 4, 5), In(6, 7)))),
        ];
        RedLine[] second =
        [
            new("B1", new Iff(In(1, 0, 1, 2, 3, 4), In(4, 2, 3, 4, 5, 6))),
            new("B2", new Negation(new AllOf(ValueList.Of<Condition>(In(3, 6, 7), In(7, 6, 7))))),
        ];
        return table with
        {
            Parties = ValueList.Of(
                table.Parties[0] with { RedLines = first.ToValueList() },
                table.Parties[1] with { RedLines = second.ToValueList() }),
        };
    }

}
