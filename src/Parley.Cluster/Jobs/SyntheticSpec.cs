namespace Parley.Cluster.Jobs;

/// <summary>The synthetic job's spec: how many hash rounds one run costs (about 1–2 ns each).</summary>
/// <param name="WorkPerRun">Hash rounds per run, ≥ 0.</param>
public sealed record SyntheticSpec(int WorkPerRun);
