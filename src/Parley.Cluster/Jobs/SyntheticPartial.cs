namespace Parley.Cluster.Jobs;

/// <summary>
/// The synthetic job's result over a range of runs: how many runs, the sum of their values, and an
/// order-sensitive polynomial hash of the values, so a lost, doubled or reordered batch changes the result.
/// </summary>
/// <param name="Runs">Runs covered.</param>
/// <param name="Sum">Sum of run values (mod 2^64).</param>
/// <param name="Hash">Σ value_i · P^(Runs−1−i) (mod 2^64), in run order.</param>
/// <param name="Power">P^Runs (mod 2^64), to shift a hash when merging.</param>
public sealed record SyntheticPartial(long Runs, ulong Sum, ulong Hash, ulong Power);
