using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using Parley.Cluster.Hosting;
using Parley.Cluster.Jobs;

namespace Parley.Cluster.Client;

/// <summary>
/// A client connection to a Parley cluster (found through its Redis membership table) that runs batch jobs
/// over the live silos. Thread-safe; one connection can run several jobs.
/// </summary>
public sealed class ClusterConnection : IAsyncDisposable
{
    private readonly IHost _host;
    

    private ClusterConnection(IHost host)
    {
        _host = host;
        Dispatcher = new OrleansBatchDispatcher(host.Services.GetRequiredService<IClusterClient>());
    }

    /// <summary>The transport jobs run through (tests wrap it to watch batches move).</summary>
    internal IBatchDispatcher Dispatcher { get; set; }

    /// <summary>Scheduler timing (tests shorten it).</summary>
    internal BatchSchedulerOptions SchedulerOptions { get; set; } = BatchSchedulerOptions.Default;

    /// <summary>Connects to the cluster, retrying until a silo answers or <paramref name="connectTimeout"/> passes.</summary>
    /// <param name="redis">Redis endpoint, <c>HOST:PORT</c>.</param>
    /// <param name="clusterId">Cluster id the silos were started with.</param>
    /// <param name="connectTimeout">How long to wait for a first silo (default 30 s).</param>
    /// <param name="cancellationToken">Cancels connecting.</param>
    /// <exception cref="ClusterJobException">No silo answered in time.</exception>
    public static async Task<ClusterConnection> ConnectAsync(string redis, string clusterId = ClusterSiloOptions.DefaultClusterId, TimeSpan? connectTimeout = null, CancellationToken cancellationToken = default)
    {
        if (!RedisEndpoint.TryParse(redis, out _, out _, out var error))
        {
            throw new ArgumentException("cluster: " + error, nameof(redis));
        }

        var timeout = connectTimeout ?? TimeSpan.FromSeconds(30);
        var deadline = DateTimeOffset.UtcNow + timeout;
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        ClusterSilo.ConfigureLogging(builder.Logging, null);
        builder.UseOrleansClient(client =>
        {
            client.UseRedisClustering(options => options.ConfigurationOptions = ClusterSilo.RedisConfiguration(redis));
            client.Configure<ClusterOptions>(cluster =>
            {
                cluster.ClusterId = clusterId;
                cluster.ServiceId = clusterId;
            });
            // New silos are used by running jobs within seconds rather than the default minute.
            client.Configure<GatewayOptions>(gateways => gateways.GatewayListRefreshPeriod = TimeSpan.FromSeconds(2));
            client.UseConnectionRetryFilter(async (_, token) =>
            {
                if (DateTimeOffset.UtcNow >= deadline)
                {
                    return false;
                }

                await Task.Delay(TimeSpan.FromMilliseconds(500), token).ConfigureAwait(false);
                return true;
            });
        });

        var host = builder.Build();
        try
        {
            await host.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            host.Dispose();
            throw new ClusterJobException($"no Parley silo answered within {timeout.TotalSeconds:0} s (cluster '{clusterId}' at redis {redis}): {ex.Message}", ex);
        }
        catch
        {
            host.Dispose();
            throw;
        }

        return new ClusterConnection(host);
    }

    /// <summary>The live silos and what each offers.</summary>
    public Task<IReadOnlyList<WorkerInfo>> GetWorkersAsync(CancellationToken cancellationToken = default) => Dispatcher.GetWorkersAsync(cancellationToken);

    /// <summary>
    /// Runs <paramref name="runs"/> runs of <paramref name="job"/> in batches of <paramref name="batchSize"/> over the
    /// live silos and merges the results in batch order: the same value <see cref="InProcessRunner.Run"/> returns.
    /// </summary>
    /// <param name="job">The job (its <see cref="IBatchJob{TSpec, TPartial}.Kind"/> must be in the silos' catalog).</param>
    /// <param name="spec">What to run.</param>
    /// <param name="seed">Job seed.</param>
    /// <param name="runs">Total runs, ≥ 1.</param>
    /// <param name="batchSize">Runs per batch, ≥ 1.</param>
    /// <param name="progress">Told after every batch event, synchronously and in order; keep it quick.</param>
    /// <param name="onBatch">Told each batch's result (index, partial) once, as it arrives, one at a time: for writing results as they complete.</param>
    /// <param name="cancellationToken">Cancels the job.</param>
    /// <exception cref="ClusterJobException">No live silo for a minute, or a batch was lost too often.</exception>
    public async Task<ClusterRun<TPartial>> RunAsync<TSpec, TPartial>(
        IBatchJob<TSpec, TPartial> job,
        TSpec spec,
        long seed,
        int runs,
        int batchSize,
        IProgress<ClusterProgress>? progress = null,
        Action<int, TPartial>? onBatch = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(job);
        var plan = BatchPlan.Split(runs, batchSize);
        ReadOnlyMemory<byte> encoded = job.EncodeSpec(spec);
        var jobId = Guid.NewGuid().ToString("N");
        var batches = plan.Select((range, i) => new BatchWork(jobId, job.Kind, encoded, seed, i, range.From, range.To)).ToList();
        var (partials, report) = await BatchScheduler.RunAsync(
            Dispatcher, SchedulerOptions, TimeProvider.System, batches, progress,
            onBatch is null ? null : (index, bytes) => onBatch(index, job.DecodePartial(bytes.Span)), cancellationToken).ConfigureAwait(false);
        var decoded = partials.Select(p => job.DecodePartial(p.Span)).ToList();
        return new ClusterRun<TPartial>(InProcessRunner.MergeInOrder(job, decoded), report);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        try
        {
            await _host.StopAsync(CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            _host.Dispose();
        }
    }
}
