namespace Parley.Cluster.Client;

/// <summary>A finished cluster job: the merged result (identical to the in-process run) and how it ran.</summary>
/// <typeparam name="TPartial">The job's result type.</typeparam>
/// <param name="Result">All batches merged in batch order.</param>
/// <param name="Report">Where the batches ran.</param>
public sealed record ClusterRun<TPartial>(TPartial Result, ClusterRunReport Report);
