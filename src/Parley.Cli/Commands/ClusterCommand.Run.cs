using System.CommandLine;
using System.Globalization;
using Parley.Cli.Infrastructure;
using Parley.Cluster.Jobs;
using Spectre.Console;

namespace Parley.Cli.Commands;

internal static partial class ClusterCommand
{
    // Runs a built-in job in-process or on the cluster, printing only the result on stdout, so the two outputs can
    // be compared byte for byte; where the batches ran goes to stderr.
    private static Command CreateRun()
    {
        var runs = new Option<int>("--runs") { Description = "Number of runs.", DefaultValueFactory = _ => 10_000 };
        var seed = new Option<long>("--seed") { Description = "Job seed (same seed, same output, in-process or on any cluster).", DefaultValueFactory = _ => 1 };
        var work = new Option<int>("--work") { Description = "Hash rounds per run of the synthetic job.", DefaultValueFactory = _ => 20_000 };
        var batchSize = BatchSizeOption();
        var cluster = ClusterOption();
        var clusterId = ClusterIdOption();
        var format = Output.FormatOption();
        var command = new Command("run", "Run the synthetic check job (N hashed runs, an order-sensitive checksum) in-process or, with --cluster, on the cluster.")
        {
            runs, seed, work, batchSize, cluster, clusterId, format,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var spec = new SyntheticSpec(parse.GetValue(work));
            var n = parse.GetValue(runs);
            var size = parse.GetValue(batchSize);
            if (n < 1 || size < 1 || spec.WorkPerRun < 0)
            {
                throw new UsageException("--runs and --batch-size must be at least 1, --work at least 0");
            }

            var job = SyntheticJob.Instance;
            var endpoint = parse.GetValue(cluster);
            var error = parse.InvocationConfiguration.Error;
            SyntheticPartial result;
            if (endpoint is null)
            {
                result = InProcessRunner.Run(job, spec, parse.GetValue(seed), n, size);
            }
            else
            {
                var run = await RunAsync(job, spec, parse.GetValue(seed), n, size, endpoint, parse.GetValue(clusterId)!, error, null, cancellationToken).ConfigureAwait(false);
                result = run.Result;
                error.WriteLine($"{run.Report.Batches} batches on {run.Report.BatchesPerSilo.Count} silo(s), {run.Report.Reassigned} moved: " +
                    string.Join(", ", run.Report.BatchesPerSilo.Select(kv => $"{kv.Key}={kv.Value}")));
            }

            var output = parse.InvocationConfiguration.Output;
            var hex = result.Hash.ToString("x16", CultureInfo.InvariantCulture);
            var sum = result.Sum.ToString("x16", CultureInfo.InvariantCulture);
            if (parse.GetValue(format) == OutputFormat.Json)
            {
                Output.WriteJson(output, new { job = job.Kind, runs = result.Runs, sum, hash = hex });
            }
            else
            {
                Terminal.For(output).Write(new Table().AddColumns("job", "runs", "sum", "hash").AddRow(job.Kind, result.Runs.ToString(CultureInfo.InvariantCulture), sum, hex));
            }

            return CliApp.Ok;
        });
        return command;
    }
}
