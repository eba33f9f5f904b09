using Parley.Tests;

namespace Parley.Cluster.Tests.Infrastructure;

/// <summary>
/// A fact that needs Debian's <c>redis-server</c> (installed by <c>.ci/services.d/redis.sh</c>). Skipped with the
/// reason where it is missing on a developer machine; under CI (<c>CI=true</c>) it runs and fails instead, so a
/// broken install cannot hide the cluster tests (<see cref="Requirement"/>; <see cref="RedisServer.StartAsync"/> fails it).
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RedisFactAttribute : FactAttribute
{
    public RedisFactAttribute()
    {
        Skip = Requirement.SkipReason(WhyMissing);
    }

    /// <summary>Why redis-server cannot be used here, or null when it can.</summary>
    public static string? WhyMissing => RedisServer.Executable is null
        ? "redis-server is not installed (apt-get install redis-server, or run .ci/services.d/redis.sh)"
        : null;
}
