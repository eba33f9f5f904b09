using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Parley.Conflict;
using Parley.Model;

namespace Parley.Benchmarks;

/// <summary>
/// Conflict lens at scale: gmcr-py's trade.gmcr (6 DMs, 20 options, 138,240 feasible states; read from
/// ../shared/data, skipped when absent) and a synthetic 4-DM conflict with 5 options each (2^20 feasible
/// states, 8 random two-literal prioritised statements per DM, seed 7). Long single runs, so the
/// Monitoring strategy with few iterations.
/// Run: dotnet run -c Release --project bench/Parley.Benchmarks -- --filter '*Conflict*'
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class ConflictBenchmarks
{
    private static readonly StabilityConcept[] Standard = [StabilityConcept.Nash, StabilityConcept.Gmr, StabilityConcept.Smr, StabilityConcept.Seq, new(ConceptKind.Limited, 2)];

    private ConflictModel? _trade;
    private ConflictModel _synthetic = null!;

    [GlobalSetup]
    public void Setup()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Parley.slnx")))
        {
            dir = dir.Parent;
        }

        var trade = dir is null ? null : Path.Combine(dir.FullName, "..", "shared", "data", "gmcr", "gmcr-py", "history", "trade.gmcr");
        _trade = trade is not null && File.Exists(trade) ? GmcrImport.Parse(File.ReadAllBytes(trade), trade).Model : null;
        _synthetic = Synthetic(4, 5, 7);
    }

    [Benchmark]
    public int Trade_Load()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(dir!.FullName, "Parley.slnx")))
        {
            dir = dir.Parent;
        }

        var path = Path.Combine(dir.FullName, "..", "shared", "data", "gmcr", "gmcr-py", "history", "trade.gmcr");
        return File.Exists(path) ? GmcrImport.Parse(File.ReadAllBytes(path), path).Model.StateCount : 0;
    }

    [Benchmark]
    public int Trade_AllConcepts() => _trade is null ? 0 : Count(new StabilityEngine(_trade, Player.Individuals(_trade)).Analyze([.. Standard, StabilityConcept.Sim, StabilityConcept.SeqSim]));

    [Benchmark]
    public int Trade_AllConcepts_OnceEach() => _trade is null ? 0 : Count(new StabilityEngine(_trade, Player.Individuals(_trade), SanctionMode.OnceEach).Analyze([.. Standard, StabilityConcept.Sim, StabilityConcept.SeqSim]));

    [Benchmark]
    public int Synthetic2p20_Build() => Synthetic(4, 5, 7).StateCount;

    [Benchmark]
    public int Synthetic2p20_NashGmrSmrSeqL2() => Count(new StabilityEngine(_synthetic, Player.Individuals(_synthetic)).Analyze(Standard));

    [Benchmark]
    public int Synthetic2p20_Sim() => Count(new StabilityEngine(_synthetic, Player.Individuals(_synthetic)).Analyze([StabilityConcept.Sim]));

    private static int Count(StabilityResult r) => Enumerable.Range(0, r.Concepts.Count).Sum(c => r.Equilibria(c).Length);

    /// <summary>A reproducible synthetic conflict: every state feasible, random prioritised statements per DM.</summary>
    internal static ConflictModel Synthetic(int dmCount, int optionsPerDm, int seed)
    {
        var random = new Random(seed);
        var options = new List<ModelOption>();
        var dms = new List<ModelDecisionMaker>();
        for (var d = 0; d < dmCount; d++)
        {
            long mask = 0;
            for (var k = 0; k < optionsPerDm; k++)
            {
                mask |= 1L << options.Count;
                options.Add(new ModelOption($"d{d}o{k}", $"d{d}o{k}", OptionDirection.Both));
            }

            dms.Add(new ModelDecisionMaker($"D{d}", $"D{d}", mask));
        }

        var bitOf = options.Select((o, k) => (o.Id, k)).ToDictionary(x => x.Id, x => x.k);
        var prefs = dms.Select(_ => (PayoffSource)new PayoffSource.Statements([.. Enumerable.Range(0, 8).Select(_ =>
        {
            var a = options[random.Next(options.Count)].Id;
            var b = options[random.Next(options.Count)].Id;
            var text = $"{(random.Next(5) < 2 ? "not " : "")}{a} {new[] { "and", "or", "iff" }[random.Next(3)]} {b}";
            return ConflictModelBuilder.Compile(ConditionParser.Parse(text), bitOf);
        })])).ToList();
        return ConflictModelBuilder.Build(options, dms, _ => true, prefs, [.. dms.Select(_ => (Func<long, bool>?)null)], null);
    }
}
