using System.Diagnostics;
using System.Text;

namespace Parley.Cluster.Tests.Infrastructure;

/// <summary>A <c>parley</c> CLI process (the build next to this test assembly) with its output captured.</summary>
internal sealed class ParleyProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _out = new();
    private readonly StringBuilder _err = new();
    private readonly Lock _gate = new();

    private ParleyProcess(Process process) => _process = process;

    public static string Dll { get; } = Path.Combine(AppContext.BaseDirectory, "parley.dll");

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public string Out
    {
        get
        {
            lock (_gate)
            {
                return _out.ToString();
            }
        }
    }

    public string Err
    {
        get
        {
            lock (_gate)
            {
                return _err.ToString();
            }
        }
    }

    public static ParleyProcess Start(params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Dll);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        var process = new ParleyProcess(Process.Start(info)!);
        process._process.OutputDataReceived += (_, e) => process.Append(process._out, e.Data);
        process._process.ErrorDataReceived += (_, e) => process.Append(process._err, e.Data);
        process._process.BeginOutputReadLine();
        process._process.BeginErrorReadLine();
        return process;
    }

    /// <summary>Runs to completion (killed after <paramref name="timeout"/>) and returns exit code and output.</summary>
    public static async Task<(int Code, string Out, string Err)> RunAsync(TimeSpan timeout, params string[] args)
    {
        using var process = Start(args);
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process._process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"parley {string.Join(' ', args)} did not finish in {timeout.TotalSeconds:0} s; stderr: {process.Err}");
        }

        process._process.WaitForExit(); // flush the asynchronous output readers
        return (process._process.ExitCode, process.Out, process.Err);
    }

    /// <summary>SIGKILL to the one process (<c>dotnet parley.dll</c> has no children): one system call, no delay.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: false);
        _process.WaitForExit(10_000);
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                Kill();
            }
        }
        catch (InvalidOperationException)
        {
        }

        _process.Dispose();
    }

    private void Append(StringBuilder target, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_gate)
        {
            target.AppendLine(line);
        }
    }
}
