namespace Parley.Cluster.Tests.Infrastructure;

/// <summary>
/// A fact that needs Debian's <c>redis-server</c> (installed by <c>.ci/services.d/redis.sh</c>). Skipped with the
/// reason where it is missing on a developer machine; under CI (<c>CI=true</c>) it runs and fails instead, so a
/// broken install cannot hide the cluster tests.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RedisFactAttribute : FactAttribute
{
    public RedisFactAttribute()
    {
        if (RedisServer.Executable is null && Environment.GetEnvironmentVariable("CI") != "true")
        {
            Skip = "redis-server is not installed (apt-get install redis-server, or run .ci/services.d/redis.sh)";
        }
    }
}
