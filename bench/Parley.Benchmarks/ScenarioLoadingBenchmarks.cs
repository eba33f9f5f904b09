using System.Text;
using BenchmarkDotNet.Attributes;
using Parley.Model;
using Parley.Scenarios;

namespace Parley.Benchmarks;

/// <summary>Loading and writing scenarios, valid and hostile (results in docs/benchmarks.md, "Scenario loading").</summary>
[MemoryDiagnoser]
[ShortRunJob]
public class ScenarioLoadingBenchmarks
{
    private byte[] _flagship = [];
    private Scenario _scenario = null!;
    private byte[] _fiftyMegabytes = [];
    private byte[] _deepNesting = [];
    private byte[] _billionLaughs = [];
    private byte[] _manyKeys = [];

    [GlobalSetup]
    public void Setup()
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "Parley.slnx")))
        {
            root = Path.GetDirectoryName(root) ?? throw new InvalidOperationException("Parley.slnx not found");
        }

        _flagship = File.ReadAllBytes(Path.Combine(root, "examples", "ukraine-talks-2025.yaml"));
        _scenario = ScenarioLoader.LoadOrThrow(_flagship, "flagship.yaml");
        _fiftyMegabytes = new byte[50 * 1024 * 1024];
        _deepNesting = Encoding.UTF8.GetBytes(new string('[', 10_000) + new string(']', 10_000));
        var lol = new StringBuilder("parley: 1\nid: lol\nlol0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (var i = 1; i < 10; i++)
        {
            lol.Append($"lol{i}: &a{i} [{string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 9))}]\n");
        }

        _billionLaughs = Encoding.UTF8.GetBytes(lol.ToString());
        var keys = new StringBuilder("parley: 1\nid: x\nparties: [{id: A}]\n");
        for (var i = 0; i < 100_000; i++)
        {
            keys.Append('k').Append(i).Append(": 1\n");
        }

        _manyKeys = Encoding.UTF8.GetBytes(keys.ToString());
    }

    [Benchmark(Description = "load flagship (8 KB)")]
    public Scenario? LoadFlagship() => ScenarioLoader.Load(_flagship, "f.yaml").Scenario;

    [Benchmark(Description = "write flagship")]
    public string WriteFlagship() => ScenarioWriter.Write(_scenario);

    [Benchmark(Description = "reject 50 MB (size)")]
    public int RejectFiftyMegabytes() => ScenarioLoader.Load(_fiftyMegabytes, "big.yaml").Diagnostics.Count;

    [Benchmark(Description = "reject 10,000-deep nesting")]
    public int RejectDeepNesting() => ScenarioLoader.Load(_deepNesting, "deep.yaml").Diagnostics.Count;

    [Benchmark(Description = "reject billion laughs")]
    public int RejectBillionLaughs() => ScenarioLoader.Load(_billionLaughs, "lol.yaml").Diagnostics.Count;

    [Benchmark(Description = "100,000 unknown keys (1.1 MB)")]
    public int ManyUnknownKeys() => ScenarioLoader.Load(_manyKeys, "keys.yaml").Diagnostics.Count;
}
