using Parley.Cli.Infrastructure;
using Parley.Cluster.Jobs;
using Parley.Model;
using Parley.Negotiation.Simulation;

namespace Parley.Cli.Commands;

internal static partial class SimulateCommand
{
    /// <summary>
    /// <c>simulate --cluster</c>: the main runs, then one job per sensitivity setting (same seed, knobs in the
    /// spec), on one connection under one progress bar over all their batches. Each job's tally equals the
    /// in-process one, so the report and the sensitivity rows do too. <paramref name="batches"/>: batches run in all.
    /// </summary>
    private static (SimulationTally Tally, ValueList<SensitivityRow>? Rows) RunOnCluster(SimulationPlan plan, SimulationJobSpec spec, ulong seed,
        long runs, long sensitivityRuns, DateOnly by, int batchSize, string redis, string clusterId, TextWriter stderr, out int batches)
    {
        if (sensitivityRuns > int.MaxValue)
        {
            throw new UsageException($"--sensitivity-runs: at most {int.MaxValue:N0} with --cluster");
        }

        var total = batches = ClusterCommand.RequireBatches(runs, batchSize)
            + (sensitivityRuns > 0 ? 2 * SensitivityKnobs.FactorsFor(plan).Count * ClusterCommand.RequireBatches(sensitivityRuns, batchSize) : 0);
        return ClusterCommand.WithClusterAsync(redis, clusterId, stderr, "simulate on cluster", (connection, progress) =>
        {
            // Jobs run one after another; the bar counts the batches of all of them.
            int done = 0, moved = 0;
            SimulationTally Job(SimulationJobSpec job, long n)
            {
                var (doneBefore, movedBefore) = (done, moved);
                var shifted = new ClusterCommand.Reporter(p =>
                {
                    moved = movedBefore + p.Reassigned;
                    progress.Report(p with { Done = doneBefore + p.Done, Total = total, Reassigned = moved });
                });
                var run = connection.RunAsync(SimulationJob.Instance, job, unchecked((long)seed), checked((int)n), batchSize, shifted)
                    .GetAwaiter().GetResult();
                done += run.Report.Batches;
                return run.Result;
            }

            // The runner is synchronous (the core stays free of tasks); this body runs off the caller's thread.
            return Task.Run(() =>
            {
                var tally = Job(spec, runs);
                var rows = sensitivityRuns > 0
                    ? StagedForecast.Sensitivity(plan, sensitivityRuns, by, (knobs, n) => Job(spec with { Knobs = knobs }, n))
                    : null;
                return (tally, rows);
            });
        }, CancellationToken.None).GetAwaiter().GetResult();
    }
}
