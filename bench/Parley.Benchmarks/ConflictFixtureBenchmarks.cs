using BenchmarkDotNet.Attributes;
using Parley.Conflict;
using Parley.Scenarios;

namespace Parley.Benchmarks;

/// <summary>
/// The conflict speed goal's input (docs/benchmarks.md, "Conflict"): Fixtures/conflict-3dm-8192.yaml, 3 DMs,
/// 13 options, 8,192 feasible states, analysed under <c>parley stability</c>'s default concepts
/// (nash,gmr,smr,seq,sim,seqsim), or one concept at a time to see where the time goes.
/// Run: dotnet run -c Release --project bench/Parley.Benchmarks -- --filter '*ConflictFixture*'
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class ConflictFixtureBenchmarks
{
    private byte[] _yaml = [];
    private ConflictModel _model = null!;
    private List<StabilityConcept> _concepts = [];

    /// <summary>A concept key, or "default" for the CLI's default list.</summary>
    [Params("default", "nash", "gmr", "smr", "seq", "sim")]
    public string Concepts { get; set; } = "default";

    [GlobalSetup]
    public void Setup()
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "Parley.slnx")))
        {
            root = Path.GetDirectoryName(root) ?? throw new InvalidOperationException("Parley.slnx not found");
        }

        _yaml = File.ReadAllBytes(Path.Combine(root, "bench", "Parley.Benchmarks", "Fixtures", "conflict-3dm-8192.yaml"));
        _model = Load();
        var keys = Concepts == "default" ? "nash,gmr,smr,seq,sim,seqsim" : Concepts;
        _concepts = [.. keys.Split(',').Select(k => StabilityConcept.Parse(k)!)];
    }

    /// <summary>YAML → scenario → model (2^13 masks, payoffs from the statements); independent of <see cref="Concepts"/>.</summary>
    [Benchmark]
    public int Load8192() => Load().StateCount;

    [Benchmark]
    public int Analyze8192()
    {
        var r = new StabilityEngine(_model, Player.Individuals(_model)).Analyze(_concepts);
        var n = 0;
        for (var c = 0; c < r.Concepts.Count; c++)
        {
            n += r.Equilibria(c).Length;
        }

        return n;
    }

    private ConflictModel Load() => ConflictModelFactory.FromSpec(ScenarioLoader.LoadOrThrow(_yaml, "conflict-3dm-8192.yaml").Conflict!);
}
