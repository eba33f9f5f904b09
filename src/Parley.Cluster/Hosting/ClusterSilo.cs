using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Orleans.Runtime;
using Parley.Cluster.Jobs;
using StackExchange.Redis;

namespace Parley.Cluster.Hosting;

/// <summary>A running worker silo: joins the cluster through Redis and runs batches until stopped.</summary>
public sealed class ClusterSilo : IAsyncDisposable
{
    private readonly IHost _host;

    private ClusterSilo(IHost host, string address, int workers)
    {
        _host = host;
        Address = address;
        Workers = workers;
    }

    /// <summary>This silo's address (parsable form, as reported in <see cref="BatchOutcome.Silo"/>).</summary>
    public string Address { get; }

    /// <summary>Batches this silo runs at once.</summary>
    public int Workers { get; }

    /// <summary>Starts a silo and returns once it has joined the cluster.</summary>
    /// <param name="options">Where Redis is, which ports, how many workers.</param>
    /// <param name="catalog">Job handlers; <see cref="JobCatalog.Default"/> when null.</param>
    /// <param name="log">Where warnings and errors go (none when null).</param>
    /// <param name="cancellationToken">Cancels start-up.</param>
    public static async Task<ClusterSilo> StartAsync(ClusterSiloOptions options, JobCatalog? catalog = null, TextWriter? log = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!RedisEndpoint.TryParse(options.Redis, out var redisHost, out _, out var error))
        {
            throw new ArgumentException("redis: " + error, nameof(options));
        }

        var workers = options.Workers > 0 ? options.Workers : Environment.ProcessorCount;
        var advertised = options.AdvertisedAddress ?? (RedisEndpoint.IsLoopback(redisHost) ? IPAddress.Loopback : FirstIPv4() ?? IPAddress.Loopback);
        var siloPort = options.SiloPort == 0 ? FreePort() : options.SiloPort;
        var gatewayPort = options.GatewayPort == 0 ? FreePort() : options.GatewayPort;

        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        ConfigureLogging(builder.Logging, log);
        builder.Services.AddSingleton(catalog ?? JobCatalog.Default);
        builder.Services.AddSingleton(new SiloWorkerSettings(workers));
        builder.UseOrleans(silo =>
        {
            silo.UseRedisClustering(redis => redis.ConfigurationOptions = RedisConfiguration(options.Redis));
            silo.Configure<ClusterOptions>(cluster =>
            {
                cluster.ClusterId = options.ClusterId;
                cluster.ServiceId = options.ClusterId;
            });
            silo.ConfigureEndpoints(advertised, siloPort, gatewayPort, listenOnAnyHostAddress: !IPAddress.IsLoopback(advertised));
            silo.Configure<ClusterMembershipOptions>(membership =>
            {
                membership.ProbeTimeout = options.ProbeTimeout ?? ClusterSiloOptions.DefaultProbeTimeout;
                membership.NumMissedProbesLimit = 3;
            });
        });

        var host = builder.Build();
        try
        {
            await host.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            host.Dispose();
            throw;
        }

        var address = host.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress.ToParsableString();
        return new ClusterSilo(host, address, workers);
    }

    /// <summary>Leaves the cluster gracefully (the membership table marks this silo dead at once).</summary>
    public async Task StopAsync(CancellationToken cancellationToken = default) => await _host.StopAsync(cancellationToken).ConfigureAwait(false);

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

    internal static ConfigurationOptions RedisConfiguration(string endpoint)
    {
        var configuration = ConfigurationOptions.Parse(endpoint);
        // Keep retrying while Redis restarts instead of failing the silo on its first blip.
        configuration.AbortOnConnectFail = false;
        return configuration;
    }

    internal static void ConfigureLogging(ILoggingBuilder logging, TextWriter? log)
    {
        logging.ClearProviders();
        if (log is not null)
        {
            logging.SetMinimumLevel(LogLevel.Warning);
            // Start-up advice (server GC) and watchdog notes about a busy machine are noise for a batch worker.
            logging.AddFilter("Orleans.Runtime.Silo", LogLevel.Error);
            logging.AddFilter("Orleans.Runtime.Watchdog", LogLevel.Error);
            logging.AddProvider(new TextWriterLoggerProvider(log));
        }
    }

    private static IPAddress? FirstIPv4() => NetworkInterface.GetAllNetworkInterfaces()
        .Where(n => n.OperationalStatus == OperationalStatus.Up && n.NetworkInterfaceType != NetworkInterfaceType.Loopback)
        .SelectMany(n => n.GetIPProperties().UnicastAddresses)
        .Select(a => a.Address)
        .FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
