using System.CommandLine;
using System.Globalization;
using System.Net;
using Parley.Cli.Infrastructure;
using Parley.Cluster.Client;
using Parley.Cluster.Hosting;
using Parley.Cluster.Jobs;
using Spectre.Console;

namespace Parley.Cli.Commands;

/// <summary>
/// <c>parley cluster silo|workers|bench</c>: run a worker silo, list the live ones, measure throughput; and the
/// <c>--cluster HOST:PORT</c> option with the client path that <c>simulate</c> and <c>tournament</c> branch to.
/// </summary>
internal static partial class ClusterCommand
{
    public static Command Create()
    {
        var command = new Command("cluster", "Run simulations and tournaments on an Orleans cluster of worker silos (membership in Redis).");
        command.Subcommands.Add(CreateSilo());
        command.Subcommands.Add(CreateWorkers());
        command.Subcommands.Add(CreateBench());
        command.Subcommands.Add(CreateRun());
        return command;
    }

    /// <summary>The <c>--cluster HOST:PORT</c> option: run on the cluster whose membership is in that Redis; absent: in-process.</summary>
    public static Option<string?> ClusterOption() => new("--cluster")
    {
        Description = "Spread the runs in batches over the Parley silos registered in this Redis (HOST:PORT); default: run in-process.",
    };

    /// <summary>The <c>--batch-size N</c> option for cluster runs.</summary>
    public static Option<int> BatchSizeOption() => new("--batch-size")
    {
        Description = "Runs per batch sent to a silo (with --cluster).",
        DefaultValueFactory = _ => 100,
    };

    /// <summary>The <c>--cluster-id</c> option (silos and clients must agree).</summary>
    public static Option<string> ClusterIdOption() => new("--cluster-id")
    {
        Description = "Cluster id shared by the silos and clients of one cluster.",
        DefaultValueFactory = _ => ClusterSiloOptions.DefaultClusterId,
    };

    /// <summary>
    /// Runs a batch job on the cluster at <paramref name="redis"/> with a progress bar on <paramref name="stderr"/>,
    /// returning the merged result (identical to <see cref="InProcessRunner.Run"/> for the same seed).
    /// </summary>
    public static Task<ClusterRun<TPartial>> RunAsync<TSpec, TPartial>(
        IBatchJob<TSpec, TPartial> job, TSpec spec, long seed, int runs, int batchSize, string redis, string clusterId, TextWriter stderr,
        Action<int, TPartial>? onBatch, CancellationToken cancellationToken)
    {
        RequireBatches(runs, batchSize);
        return WithClusterAsync(redis, clusterId, stderr, $"{job.Kind} on cluster", (connection, progress) =>
            connection.RunAsync(job, spec, seed, runs, batchSize, progress, onBatch, cancellationToken), cancellationToken);
    }

    /// <summary>
    /// Connects to the cluster at <paramref name="redis"/> and runs <paramref name="body"/> (one or more jobs on that
    /// connection) under one progress bar on <paramref name="stderr"/>; cluster failures become usage errors.
    /// </summary>
    public static async Task<T> WithClusterAsync<T>(string redis, string clusterId, TextWriter stderr, string title,
        Func<ClusterConnection, IProgress<ClusterProgress>, Task<T>> body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        RequireEndpoint("--cluster", redis);
        await using var connection = await Connect(redis, clusterId, cancellationToken).ConfigureAwait(false);
        try
        {
            return await WithProgressAsync(stderr, title, progress => body(connection, progress)).ConfigureAwait(false);
        }
        catch (ClusterJobException ex)
        {
            // The cluster went away or kept losing a batch: a message, not a stack trace.
            throw new UsageException("cluster: " + ex.Message);
        }
    }

    /// <summary>Checks a job's run count and batch size; returns its batch count.</summary>
    public static int RequireBatches(long runs, int batchSize)
    {
        if (runs < 1 || batchSize < 1)
        {
            throw new UsageException($"--runs and --batch-size must be at least 1 (got {runs} and {batchSize})");
        }

        var batches = (runs + batchSize - 1) / batchSize;
        return batches > BatchPlan.MaxBatches
            ? throw new UsageException($"--batch-size {batchSize} makes more than {BatchPlan.MaxBatches:N0} batches of {runs:N0} runs; use larger batches")
            : (int)batches;
    }

    /// <summary>What a <c>parley cluster silo</c> runs: the library's jobs plus those that live in the CLI (tournaments).</summary>
    internal static JobCatalog Catalog { get; } = JobCatalog.Default.With(TournamentCommand.ClusterHandler);

    private static Command CreateSilo()
    {
        var redis = new Option<string>("--redis") { Description = "Redis endpoint holding the cluster membership, HOST:PORT.", Required = true };
        var port = new Option<int>("--port") { Description = "Silo-to-silo port (0: any free port).", DefaultValueFactory = _ => 11111 };
        var gatewayPort = new Option<int>("--gateway-port") { Description = "Port clients connect to (0: any free port).", DefaultValueFactory = _ => 30000 };
        var advertise = new Option<string?>("--advertise") { Description = "IP address other hosts reach this silo on (default: loopback if Redis is local, else this host's first IPv4 address)." };
        var workers = new Option<int>("--workers") { Description = "Batches run at once (default: processor count).", DefaultValueFactory = _ => 0 };
        var clusterId = ClusterIdOption();
        var command = new Command("silo", "Start a worker silo that joins the cluster through Redis and runs batches until Ctrl-C or SIGTERM.")
        {
            redis, port, gatewayPort, advertise, workers, clusterId,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var endpoint = parse.GetValue(redis)!;
            RequireEndpoint("--redis", endpoint);
            var options = new ClusterSiloOptions(
                endpoint,
                parse.GetValue(clusterId)!,
                RequirePort("--port", parse.GetValue(port)),
                RequirePort("--gateway-port", parse.GetValue(gatewayPort)),
                ParseAddress(parse.GetValue(advertise)),
                parse.GetValue(workers) >= 0 ? parse.GetValue(workers) : throw new UsageException("--workers must be 0 (processor count) or more"));
            await using var silo = await ClusterSilo.StartAsync(options, Catalog, error, cancellationToken).ConfigureAwait(false);
            output.WriteLine($"silo ready: {silo.Address} workers={silo.Workers} cluster={options.ClusterId} redis={endpoint}");
            output.Flush();
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                output.WriteLine("silo stopping");
            }

            return CliApp.Ok;
        });
        return command;
    }

    private static Command CreateWorkers()
    {
        var cluster = new Option<string>("--cluster") { Description = "Redis endpoint of the cluster, HOST:PORT.", Required = true };
        var clusterId = ClusterIdOption();
        var format = Output.FormatOption();
        var command = new Command("workers", "List the live silos of a cluster and the batches each runs at once.") { cluster, clusterId, format };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var endpoint = parse.GetValue(cluster)!;
            RequireEndpoint("--cluster", endpoint);
            await using var connection = await Connect(endpoint, parse.GetValue(clusterId)!, cancellationToken).ConfigureAwait(false);
            var workers = await connection.GetWorkersAsync(cancellationToken).ConfigureAwait(false);
            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(format) == OutputFormat.Json)
            {
                Output.WriteJson(output, workers.Select(w => new { silo = w.Silo, host = w.Host, workers = w.Workers, kinds = w.Kinds.Split(',') }));
            }
            else
            {
                var table = new Table().AddColumns("silo", "host", "workers", "job kinds");
                foreach (var w in workers)
                {
                    table.AddRow(w.Silo, w.Host, w.Workers.ToString(CultureInfo.InvariantCulture), w.Kinds);
                }

                Terminal.For(output).Write(table);
            }

            return CliApp.Ok;
        });
        return command;
    }

    private static async Task<ClusterConnection> Connect(string redis, string clusterId, CancellationToken cancellationToken)
    {
        try
        {
            return await ClusterConnection.ConnectAsync(redis, clusterId, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (ClusterJobException ex)
        {
            throw new UsageException(ex.Message);
        }
    }

    private static void RequireEndpoint(string option, string? value)
    {
        if (!RedisEndpoint.TryParse(value, out _, out _, out var error))
        {
            throw new UsageException($"{option}: {error}");
        }
    }

    private static int RequirePort(string option, int value) =>
        value is >= 0 and <= 65535 ? value : throw new UsageException($"{option}: port must be from 0 to 65535, got {value}");

    private static IPAddress? ParseAddress(string? text) =>
        text is null ? null
        : IPAddress.TryParse(text, out var address) ? address
        : throw new UsageException($"--advertise: '{text}' is not an IP address");
}
