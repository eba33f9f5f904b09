using Parley.Tests;
using Parley.Cluster.Client;
using Parley.Cluster.Jobs;
using Parley.Cluster.Tests.Client;
using Parley.Cluster.Tests.Infrastructure;

namespace Parley.Cluster.Tests;

/// <summary>Real clusters: a private redis-server and <c>parley cluster silo</c> processes on this machine.</summary>
public sealed class ClusterProcessTests
{
    private static readonly TimeSpan StartBound = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan JobBound = TimeSpan.FromSeconds(150);

    [RedisFact]
    public async Task ClusterRuns_TwoSilos_PrintExactlyTheInProcessOutput()
    {
        using var redis = await RedisServer.StartAsync(StartBound);
        var silos = await Task.WhenAll(SiloProcess.StartAsync(redis.Endpoint, 1, StartBound), SiloProcess.StartAsync(redis.Endpoint, 1, StartBound));
        try
        {
            string[] args = ["cluster", "run", "--runs", "3000", "--work", "2000", "--batch-size", "50", "--seed", "7", "--format", "json"];
            var local = await ParleyProcess.RunAsync(JobBound, args);
            var remote = await ParleyProcess.RunAsync(JobBound, [.. args, "--cluster", redis.Endpoint]);

            Assert.True(local.Code == 0, local.Err);
            Assert.True(remote.Code == 0, remote.Err);
            Assert.Contains("\"runs\": 3000", local.Out, StringComparison.Ordinal);
            Assert.Equal(local.Out, remote.Out);
            Assert.Contains("60 batches on 2 silo(s), 0 moved", remote.Err, StringComparison.Ordinal);

            // The flagship forecast with its sensitivity table: `simulate --cluster` prints exactly what the in-process run prints.
            var flagship = TestPaths.Flagship;
            string[] simulate = ["simulate", flagship, "--runs", "600", "--seed", "5", "--sensitivity-runs", "120", "--format", "json"];
            var localForecast = await ParleyProcess.RunAsync(JobBound, simulate);
            var remoteForecast = await ParleyProcess.RunAsync(JobBound, [.. simulate, "--cluster", redis.Endpoint, "--batch-size", "50", "--timing"]);
            Assert.True(localForecast.Code == 0, localForecast.Err);
            Assert.True(remoteForecast.Code == 0, remoteForecast.Err);
            Assert.Contains("\"runs\": 600", localForecast.Out, StringComparison.Ordinal);
            Assert.Contains("\"factor\": \"meeting-arrangement delays\"", localForecast.Out, StringComparison.Ordinal);
            Assert.Contains("\"factor\": \"deadline D-aug8 moved ±14 days\"", localForecast.Out, StringComparison.Ordinal);
            Assert.Equal(localForecast.Out, remoteForecast.Out);
            // 12 batches of main runs and 3 for each of the 20 settings (8 priors and 2 deadlines, low and high) went to the silos.
            Assert.Contains("on the cluster (72 batches)", remoteForecast.Err, StringComparison.Ordinal);

            // The example tournament: same summary and the same session results (in another order: they are written as batches arrive).
            var config = Path.Combine(TestPaths.RepoRoot, "examples", "tournament.yaml");
            var outLocal = Directory.CreateTempSubdirectory("parley-t-local-").FullName;
            var outRemote = Directory.CreateTempSubdirectory("parley-t-remote-").FullName;
            try
            {
                var localTournament = await ParleyProcess.RunAsync(JobBound, "tournament", config, "--out", outLocal, "--format", "json");
                var remoteTournament = await ParleyProcess.RunAsync(JobBound, "tournament", config, "--out", outRemote, "--format", "json", "--cluster", redis.Endpoint, "--batch-size", "25");
                Assert.True(localTournament.Code == 0, localTournament.Err);
                Assert.True(remoteTournament.Code == 0, remoteTournament.Err);
                Assert.Equal(localTournament.Out, remoteTournament.Out);
                Assert.Equal(File.ReadAllText(Path.Combine(outLocal, "summary.json")), File.ReadAllText(Path.Combine(outRemote, "summary.json")));
                var localLines = File.ReadAllLines(Path.Combine(outLocal, "results.jsonl")).Order(StringComparer.Ordinal).ToList();
                Assert.Equal(localLines, File.ReadAllLines(Path.Combine(outRemote, "results.jsonl")).Order(StringComparer.Ordinal));
                Assert.True(localLines.Count >= 100);
            }
            finally
            {
                Directory.Delete(outLocal, recursive: true);
                Directory.Delete(outRemote, recursive: true);
            }
        }
        finally
        {
            Array.ForEach(silos, s => s.Dispose());
        }
    }

    [RedisFact]
    public async Task KillingASiloMidRun_ItsBatchRunsElsewhere_ResultCompleteAndIdentical()
    {
        using var redis = await RedisServer.StartAsync(StartBound);
        var silos = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => SiloProcess.StartAsync(redis.Endpoint, 1, StartBound)));
        try
        {
            var victim = silos[0];
            await using var connection = await ClusterConnection.ConnectAsync(redis.Endpoint, connectTimeout: StartBound);
            await Poll.UntilAsync(async () => (await connection.GetWorkersAsync()).Count == 3, StartBound, "all three silos are active");
            var spy = new KillOnDispatchDispatcher(connection.Dispatcher, victim.Address, victim.Kill);
            connection.Dispatcher = spy;

            var job = SyntheticJob.Instance;
            var spec = new SyntheticSpec(200_000); // ≈ 10 M hash rounds per batch: the killed batch cannot finish first
            var run = await connection.RunAsync(job, spec, 11, 3000, 50).WaitAsync(JobBound);

            Assert.True(spy.KilledWithBatch >= 0, "the victim silo was killed with a batch in flight");
            Assert.NotEqual(victim.Address, run.Report.RanOn[spy.KilledWithBatch]);
            // Moved either when membership declared the victim dead or, if that came later, by a backup copy.
            Assert.True(run.Report.Reassigned + run.Report.Speculative >= 1);
            Assert.Equal(1, run.Report.BatchesPerSilo.GetValueOrDefault(victim.Address));
            Assert.Equal(60, run.Report.BatchesPerSilo.Values.Sum());
            Assert.Equal(3000, run.Result.Runs);
            Assert.Equal(InProcessRunner.Run(job, spec, 11, 3000, 50), run.Result);
        }
        finally
        {
            Array.ForEach(silos, s => s.Dispose());
        }
    }

}
