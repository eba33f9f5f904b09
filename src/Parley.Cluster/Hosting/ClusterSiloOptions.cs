using System.Net;

namespace Parley.Cluster.Hosting;

/// <summary>How to start a worker silo.</summary>
/// <param name="Redis">Redis endpoint holding the membership table, <c>HOST:PORT</c> (StackExchange.Redis configuration string).</param>
/// <param name="ClusterId">Cluster name; silos and clients with the same id and Redis form one cluster.</param>
/// <param name="SiloPort">Silo-to-silo port (0: pick a free one).</param>
/// <param name="GatewayPort">Client gateway port (0: pick a free one).</param>
/// <param name="AdvertisedAddress">Address other hosts reach this silo on; null: loopback when Redis is local, else this host's first IPv4 address.</param>
/// <param name="Workers">Batches run at once; 0: the processor count.</param>
/// <param name="ProbeTimeout">Membership probe timeout; a silo missing three probes in a row is declared dead and its batches move.</param>
public sealed record ClusterSiloOptions(
    string Redis,
    string ClusterId = ClusterSiloOptions.DefaultClusterId,
    int SiloPort = 11111,
    int GatewayPort = 30000,
    IPAddress? AdvertisedAddress = null,
    int Workers = 0,
    TimeSpan? ProbeTimeout = null)
{
    /// <summary>The cluster id used when none is given.</summary>
    public const string DefaultClusterId = "parley";

    /// <summary>Probe timeout used when none is given: short, because batch clusters should move work quickly.</summary>
    public static readonly TimeSpan DefaultProbeTimeout = TimeSpan.FromSeconds(2);
}
