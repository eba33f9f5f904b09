using Orleans.Runtime;
using Parley.Cluster.Client;
using Parley.Cluster.Jobs;

namespace Parley.Cluster.Tests.Client;

public sealed class BatchSchedulerTests
{
    private static readonly SyntheticJob Job = SyntheticJob.Instance;
    private static readonly SyntheticSpec Spec = new(5);
    private static readonly BatchSchedulerOptions Fast = new(TimeSpan.FromMilliseconds(20), TimeSpan.FromSeconds(30), 5);
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    private static List<BatchWork> Batches(int runs, int size, long seed = 9)
    {
        var spec = Job.EncodeSpec(Spec);
        return [.. BatchPlan.Split(runs, size).Select((r, i) => new BatchWork("job", Job.Kind, spec, seed, i, r.From, r.To))];
    }

    private static SyntheticPartial Merge(IReadOnlyList<ReadOnlyMemory<byte>> partials) =>
        InProcessRunner.MergeInOrder(Job, [.. partials.Select(p => Job.DecodePartial(p.Span))]);

    private static Task<(IReadOnlyList<ReadOnlyMemory<byte>> Partials, ClusterRunReport Report)> Run(
        FakeDispatcher dispatcher, List<BatchWork> batches, IProgress<ClusterProgress>? progress = null, BatchSchedulerOptions? options = null) =>
        BatchScheduler.RunAsync(dispatcher, options ?? Fast, TimeProvider.System, batches, progress, null, CancellationToken.None).WaitAsync(Bound);

    [Fact]
    public async Task Run_HealthyCluster_EveryBatchOnce_MergedResultEqualsInProcess()
    {
        var dispatcher = new FakeDispatcher(FakeDispatcher.Worker("a", 2), FakeDispatcher.Worker("b", 3));
        var snapshots = new List<ClusterProgress>();
        var (partials, report) = await Run(dispatcher, Batches(1000, 37), new SyncProgress(snapshots.Add));

        Assert.Equal(InProcessRunner.Run(Job, Spec, 9, 1000, 37), Merge(partials));
        Assert.Equal(28, report.Batches);
        Assert.Equal(28, report.Attempts);
        Assert.Equal(0, report.Reassigned);
        Assert.Equal(28, report.BatchesPerSilo.Values.Sum());
        Assert.All(report.RanOn, silo => Assert.Contains(silo, new[] { "a", "b" }));
        var done = snapshots.Select(s => s.Done).ToList();
        Assert.Equal(done.Order(), done);
        Assert.Equal(28, snapshots[^1].Done);
    }

    [Fact]
    public async Task Run_TransportFailureOnOneSilo_MovesItsBatchesElsewhere()
    {
        var dispatcher = new FakeDispatcher(FakeDispatcher.Worker("flaky"), FakeDispatcher.Worker("good"));
        var flakyFailed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        dispatcher.Behaviour = async (worker, work, ct) =>
        {
            if (worker.Silo == "flaky")
            {
                flakyFailed.TrySetResult();
                throw new SiloUnavailableException("gone");
            }

            // The good silo waits until the flaky one has taken (and lost) a batch, so the move always happens.
            await flakyFailed.Task;
            return await FakeDispatcher.RunHere(worker, work, ct);
        };

        var (partials, report) = await Run(dispatcher, Batches(300, 10));

        Assert.Equal(InProcessRunner.Run(Job, Spec, 9, 300, 10), Merge(partials));
        Assert.All(report.RanOn, silo => Assert.Equal("good", silo));
        Assert.True(report.Reassigned >= 1, "the flaky silo got at least one batch and lost it");
        Assert.Equal(report.Batches + report.Reassigned + report.Speculative, report.Attempts);
    }

    [Fact]
    public async Task Run_SiloDeclaredDeadWithBatchInFlight_BatchRunsElsewhere_LateAnswerIgnored()
    {
        var dispatcher = new FakeDispatcher(FakeDispatcher.Worker("doomed"), FakeDispatcher.Worker("good"));
        var stuck = new TaskCompletionSource<BatchOutcome>(TaskCreationOptions.RunContinuationsAsynchronously);
        var taken = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var stuckIndex = -1;
        dispatcher.Behaviour = async (worker, work, ct) =>
        {
            if (worker.Silo != "doomed")
            {
                await taken.Task; // so the doomed silo surely gets a batch
                return await FakeDispatcher.RunHere(worker, work, ct);
            }

            // The doomed silo takes one batch and never answers; then membership declares it dead.
            if (Interlocked.CompareExchange(ref stuckIndex, work.BatchIndex, -1) == -1)
            {
                dispatcher.Remove("doomed");
                taken.TrySetResult();
            }

            return await stuck.Task;
        };

        var (partials, report) = await Run(dispatcher, Batches(200, 10));
        // A late answer from the "dead" silo claiming the batch: must not be counted.
        stuck.SetResult(new BatchOutcome("job", stuckIndex, Job.EncodePartial(new SyntheticPartial(999, 1, 2, 3)), "doomed"));

        Assert.True(stuckIndex >= 0);
        Assert.Equal("good", report.RanOn[stuckIndex]);
        Assert.True(report.Reassigned >= 1);
        Assert.Equal(InProcessRunner.Run(Job, Spec, 9, 200, 10), Merge(partials));
        Assert.Equal(200, Merge(partials).Runs);
    }

    [Fact]
    public async Task Run_CallHangingOnALiveSilo_BackupCopyFinishesTheJob_CountedOnce()
    {
        var dispatcher = new FakeDispatcher(FakeDispatcher.Worker("a"), FakeDispatcher.Worker("b"));
        var hang = new TaskCompletionSource<BatchOutcome>(TaskCreationOptions.RunContinuationsAsynchronously);
        var hung = 0;
        dispatcher.Behaviour = (worker, work, ct) =>
            work.BatchIndex == 3 && Interlocked.Exchange(ref hung, 1) == 0 ? hang.Task : FakeDispatcher.RunHere(worker, work, ct);

        var (partials, report) = await Run(dispatcher, Batches(200, 10));
        hang.SetResult(new BatchOutcome("job", 3, Job.EncodePartial(new SyntheticPartial(1, 2, 3, 4)), "a"));

        Assert.True(report.Speculative >= 1);
        Assert.Equal(InProcessRunner.Run(Job, Spec, 9, 200, 10), Merge(partials));
        Assert.Equal(20, report.BatchesPerSilo.Values.Sum());
    }

    [Fact]
    public async Task Run_JobError_FailsWithThatError()
    {
        var dispatcher = new FakeDispatcher(FakeDispatcher.Worker("a"));
        dispatcher.Behaviour = (_, _, _) => Task.FromException<BatchOutcome>(new ArgumentException("bad spec at simulation.noise"));
        var error = await Assert.ThrowsAsync<ArgumentException>(() => Run(dispatcher, Batches(50, 10)));
        Assert.Contains("simulation.noise", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_BatchLostOnEveryAttempt_FailsNamingTheBatch()
    {
        var dispatcher = new FakeDispatcher(FakeDispatcher.Worker("a"), FakeDispatcher.Worker("b"));
        dispatcher.Behaviour = (_, _, _) => Task.FromException<BatchOutcome>(new OrleansException("connection reset"));
        var error = await Assert.ThrowsAsync<ClusterJobException>(() => Run(dispatcher, Batches(20, 10)));
        Assert.Contains("was lost 5 times", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_NoLiveSilo_FailsAfterTheTimeout()
    {
        var options = Fast with { NoWorkerTimeout = TimeSpan.FromMilliseconds(100) };
        var error = await Assert.ThrowsAsync<ClusterJobException>(() => Run(new FakeDispatcher(), Batches(20, 10), options: options));
        Assert.Contains("no live silo", error.Message, StringComparison.Ordinal);
        Assert.Contains("0 of 2 batches done", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_BatchesOutOfOrder_AreRejected()
    {
        var batches = Batches(20, 10);
        batches.Reverse();
        await Assert.ThrowsAsync<ArgumentException>(() => Run(new FakeDispatcher(FakeDispatcher.Worker("a")), batches));
    }

    private sealed class SyncProgress(Action<ClusterProgress> report) : IProgress<ClusterProgress>
    {
        public void Report(ClusterProgress value) => report(value);
    }
}
