namespace Parley.Cluster.Tests.Infrastructure;

/// <summary>Waits for a condition by checking it repeatedly, failing with its description after a timeout.</summary>
internal static class Poll
{
    public static async Task UntilAsync(Func<Task<bool>> condition, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"timed out after {timeout.TotalSeconds:0} s waiting for: {what}");
            }

            await Task.Delay(50);
        }
    }
}
