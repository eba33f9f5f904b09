using System.Text.RegularExpressions;

namespace Parley.Cluster.Tests.Infrastructure;

/// <summary>A <c>parley cluster silo</c> process on free ports, started and waited for until it says it is ready.</summary>
internal sealed partial class SiloProcess : IDisposable
{
    private readonly ParleyProcess _process;

    private SiloProcess(ParleyProcess process, string address)
    {
        _process = process;
        Address = address;
    }

    /// <summary>The silo address as the cluster reports it (<see cref="BatchOutcome.Silo"/>).</summary>
    public string Address { get; }

    public static async Task<SiloProcess> StartAsync(string redis, int workers, TimeSpan timeout)
    {
        var process = ParleyProcess.Start("cluster", "silo", "--redis", redis, "--port", "0", "--gateway-port", "0", "--workers", workers.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Match? ready = null;
        try
        {
            await Poll.UntilAsync(
                () =>
                {
                    if (process.HasExited)
                    {
                        throw new InvalidOperationException("silo exited: " + process.Err);
                    }

                    ready = ReadyLine().Match(process.Out);
                    return Task.FromResult(ready.Success);
                },
                timeout,
                "silo prints 'silo ready'");
        }
        catch
        {
            process.Dispose();
            throw;
        }

        return new SiloProcess(process, ready!.Groups[1].Value);
    }

    /// <summary>SIGKILL: no goodbye to the cluster, exactly like a crashed host.</summary>
    public void Kill() => _process.Kill();

    public void Dispose() => _process.Dispose();

    [GeneratedRegex(@"silo ready: (\S+)")]
    private static partial Regex ReadyLine();
}
