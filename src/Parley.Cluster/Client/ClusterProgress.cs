namespace Parley.Cluster.Client;

/// <summary>A snapshot of a cluster job, reported each time a batch finishes or moves.</summary>
/// <param name="Done">Batches finished (each counted once).</param>
/// <param name="Total">Batches in the job.</param>
/// <param name="InFlight">Batches running on some silo now.</param>
/// <param name="Silos">Live silos taking part.</param>
/// <param name="Reassigned">Batches sent again: lost with a silo, or backup copies of stragglers.</param>
public sealed record ClusterProgress(int Done, int Total, int InFlight, int Silos, int Reassigned);
