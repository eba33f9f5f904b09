using Parley.Cluster.Tests.Infrastructure;

namespace Parley.Cluster.Tests;

public sealed class ClusterCommandTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Help_ListsTheSubcommands()
    {
        var (code, output, _) = await ParleyProcess.RunAsync(Bound, "cluster", "--help");
        Assert.Equal(0, code);
        foreach (var sub in new[] { "silo", "workers", "bench", "run" })
        {
            Assert.Contains(sub, output, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("nonsense", "--redis: expected HOST:PORT, got 'nonsense'")]
    [InlineData("localhost:99999", "--redis: port in 'localhost:99999' must be a number from 1 to 65535")]
    public async Task Silo_BadRedisEndpoint_ExitsWithUsageError(string redis, string message)
    {
        var (code, _, error) = await ParleyProcess.RunAsync(Bound, "cluster", "silo", "--redis", redis);
        Assert.Equal(2, code);
        Assert.Contains(message, error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_InProcess_IsTheSameForEveryBatchSize()
    {
        var a = await ParleyProcess.RunAsync(Bound, "cluster", "run", "--runs", "500", "--work", "10", "--batch-size", "7", "--format", "json");
        var b = await ParleyProcess.RunAsync(Bound, "cluster", "run", "--runs", "500", "--work", "10", "--batch-size", "500", "--format", "json");
        Assert.Equal(0, a.Code);
        Assert.Equal(a.Out, b.Out);
    }
}
