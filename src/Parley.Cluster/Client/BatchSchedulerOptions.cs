namespace Parley.Cluster.Client;

/// <summary>Scheduler timing and limits.</summary>
/// <param name="PollInterval">How often the live-silo list is refreshed (dead silos found, new ones used).</param>
/// <param name="NoWorkerTimeout">How long the job waits with no live silo before failing.</param>
/// <param name="MaxAttempts">Dispatches per batch before the job fails (a batch that kills every silo it touches).</param>
internal sealed record BatchSchedulerOptions(TimeSpan PollInterval, TimeSpan NoWorkerTimeout, int MaxAttempts)
{
    public static BatchSchedulerOptions Default { get; } = new(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60), 5);
}
