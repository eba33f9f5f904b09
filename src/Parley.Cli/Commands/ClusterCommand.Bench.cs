using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Parley.Cli.Infrastructure;
using Parley.Cluster.Jobs;
using Spectre.Console;

namespace Parley.Cli.Commands;

internal static partial class ClusterCommand
{
    private static Command CreateBench()
    {
        var cluster = new Option<string>("--cluster") { Description = "Redis endpoint of the cluster, HOST:PORT.", Required = true };
        var clusterId = ClusterIdOption();
        var runs = new Option<int>("--runs") { Description = "Runs per measurement.", DefaultValueFactory = _ => 20_000 };
        var work = new Option<int>("--work") { Description = "Hash rounds per run of the synthetic job (≈1–2 ns each).", DefaultValueFactory = _ => 20_000 };
        var batchSizes = new Option<string>("--batch-sizes") { Description = "Comma-separated batch sizes to measure.", DefaultValueFactory = _ => "10,100,1000" };
        var seed = new Option<long>("--seed") { Description = "Job seed.", DefaultValueFactory = _ => 1 };
        var format = Output.FormatOption();
        var command = new Command("bench", "Measure cluster throughput (runs/s) of the synthetic CPU job per batch size, against an in-process run on this machine; checks the results are identical.")
        {
            cluster, clusterId, runs, work, batchSizes, seed, format,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var endpoint = parse.GetValue(cluster)!;
            RequireEndpoint("--cluster", endpoint);
            var n = parse.GetValue(runs);
            var spec = new SyntheticSpec(parse.GetValue(work));
            if (n < 1 || spec.WorkPerRun < 0)
            {
                throw new UsageException("--runs must be at least 1 and --work at least 0");
            }

            var sizes = ParseSizes(parse.GetValue(batchSizes)!);
            var job = SyntheticJob.Instance;
            var s = parse.GetValue(seed);
            var rows = new List<BenchRow>();

            var clock = Stopwatch.StartNew();
            var expected = InProcessRunner.Run(job, spec, s, n, sizes[0]);
            rows.Add(new BenchRow("in-process", sizes[0], Environment.ProcessorCount, clock.Elapsed.TotalSeconds, n / clock.Elapsed.TotalSeconds, true));

            await using var connection = await Connect(endpoint, parse.GetValue(clusterId)!, cancellationToken).ConfigureAwait(false);
            var workers = await connection.GetWorkersAsync(cancellationToken).ConfigureAwait(false);
            foreach (var size in sizes)
            {
                clock.Restart();
                var run = await connection.RunAsync(job, spec, s, n, size, cancellationToken: cancellationToken).ConfigureAwait(false);
                var seconds = clock.Elapsed.TotalSeconds;
                rows.Add(new BenchRow($"cluster ({workers.Count} silo{(workers.Count == 1 ? "" : "s")})", size, workers.Sum(w => w.Workers), seconds, n / seconds, run.Result == expected));
            }

            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(format) == OutputFormat.Json)
            {
                Output.WriteJson(output, new { runs = n, workPerRun = spec.WorkPerRun, rows });
            }
            else
            {
                var table = new Table().AddColumns("where", "batch size", "workers", "seconds", "runs/s", "same result");
                foreach (var row in rows)
                {
                    table.AddRow(row.Where, Format(row.BatchSize), Format(row.Workers), row.Seconds.ToString("0.000", CultureInfo.InvariantCulture), row.RunsPerSecond.ToString("0", CultureInfo.InvariantCulture), row.SameResult ? "yes" : "NO");
                }

                Terminal.For(output).Write(table);
            }

            return rows.TrueForAll(r => r.SameResult) ? CliApp.Ok : CliApp.InternalFailure;
        });
        return command;
    }

    private static int[] ParseSizes(string text)
    {
        var parts = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var sizes = new int[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out sizes[i]) || sizes[i] < 1)
            {
                throw new UsageException($"--batch-sizes: '{parts[i]}' is not a positive whole number");
            }
        }

        return sizes.Length > 0 ? sizes : throw new UsageException("--batch-sizes: give at least one size");
    }

    private static string Format(int value) => value.ToString(CultureInfo.InvariantCulture);

    private sealed record BenchRow(string Where, int BatchSize, int Workers, double Seconds, double RunsPerSecond, bool SameResult);
}
