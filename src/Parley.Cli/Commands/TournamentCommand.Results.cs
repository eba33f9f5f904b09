using System.Text;
using System.Text.Json;
using Parley.Cli.Infrastructure;
using Parley.Model;
using Parley.Negotiation;
using Parley.Negotiation.Tournaments;

namespace Parley.Cli.Commands;

/// <summary>The results file: sessions already done, appending finished ones (in parallel, flushed per line), reading them back, traces.</summary>
internal static partial class TournamentCommand
{
    private static readonly JsonSerializerOptions Line = new(Output.Json) { WriteIndented = false };

    /// <summary>Finds the sessions already in the results file; cuts off a torn last line only; refuses a damaged line (file:line) and a mixed tournament, truncating nothing.</summary>
    private static HashSet<string> ReadDone(string results, bool resume, IReadOnlyList<TournamentSession> sessions)
    {
        var done = new HashSet<string>(StringComparer.Ordinal);
        if (!File.Exists(results) || new FileInfo(results).Length == 0)
        {
            return done;
        }

        if (!resume)
        {
            throw new UsageException($"{results} already holds results; use --resume to finish that tournament or --out for a new folder");
        }

        var keys = sessions.Select(s => s.Key).ToHashSet(StringComparer.Ordinal);
        var bytes = File.ReadAllBytes(results);
        var good = 0;
        var lineNo = 0;
        while (good < bytes.Length)
        {
            var end = Array.IndexOf(bytes, (byte)'\n', good);
            if (end < 0)
            {
                break; // torn last line: no newline, the process died while writing it
            }

            lineNo++;
            SessionResult? result = null;
            string? problem = null;
            try
            {
                result = JsonSerializer.Deserialize<ResultLine>(bytes.AsSpan(good, end - good), Line)?.ToResult();
            }
            catch (JsonException ex)
            {
                problem = ex.Message;
            }

            // Only a torn last line (no newline) is the trace of a crash; a bad complete line is damage: refuse, change nothing.
            if (result is null)
            {
                throw new UsageException($"{results}:{lineNo}: not a result line ({problem ?? "null"}); the file was left as it is — repair or remove that line, or use --out for a new folder");
            }

            if (!keys.Contains(result.Key))
            {
                throw new UsageException($"{results}:{lineNo}: session '{result.Key}' is not part of this tournament (was the config changed?); use --out for a new folder");
            }

            done.Add(result.Key);
            good = end + 1;
        }

        if (good < bytes.Length)
        {
            using var stream = new FileStream(results, FileMode.Open, FileAccess.Write);
            stream.SetLength(good);
        }

        return done;
    }

    private static void Run(TournamentSpec spec, List<TournamentDomain> domains, List<TournamentSession> pending, string results, int threads, int delayMs,
        TextWriter error, CancellationToken cancel)
    {
        using var interrupt = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        ConsoleCancelEventHandler? handler = null;
        if (error == Console.Error)
        {
            handler = (_, e) =>
            {
                e.Cancel = true;
                interrupt.Cancel();
            };
            Console.CancelKeyPress += handler;
        }

        try
        {
            using var stream = new FileStream(results, FileMode.Append, FileAccess.Write, FileShare.Read);
            using var writer = new StreamWriter(stream, new UTF8Encoding(false));
            var gate = new object();
            SimulateCommand.WithProgress(error, pending.Count, progress =>
            {
                long finished = 0;
                var options = new ParallelOptions { MaxDegreeOfParallelism = threads, CancellationToken = interrupt.Token };
                Parallel.ForEach(pending, options, session =>
                {
                    if (delayMs > 0)
                    {
                        Thread.Sleep(delayMs);
                    }

                    using var limit = CancellationTokenSource.CreateLinkedTokenSource(interrupt.Token);
                    if (spec.SessionSeconds is { } seconds)
                    {
                        limit.CancelAfter(TimeSpan.FromSeconds(seconds));
                    }

                    var result = Tournament.RunSession(spec, domains[session.Domain], session, null, limit.Token);
                    if (interrupt.IsCancellationRequested)
                    {
                        return; // cut short by Ctrl-C, not by its own limit: leave it for --resume
                    }

                    var line = JsonSerializer.Serialize(result, Line);
                    lock (gate)
                    {
                        writer.Write(line);
                        writer.Write('\n');
                        writer.Flush();
                    }

                    progress?.Report(Interlocked.Increment(ref finished));
                });
                return 0;
            });
        }
        catch (OperationCanceledException)
        {
            error.WriteLine($"parley tournament: interrupted; finished sessions are in {results}; run again with --resume to finish");
            throw;
        }
        finally
        {
            if (handler is not null)
            {
                Console.CancelKeyPress -= handler;
            }
        }
    }

    private static List<SessionResult> ReadResults(string results) =>
        [.. File.ReadLines(results).Where(l => l.Length > 0).Select(l => JsonSerializer.Deserialize<ResultLine>(l, Line)!.ToResult()!)];

    private static void WriteTraces(TournamentSpec spec, List<TournamentDomain> domains, IReadOnlyList<TournamentSession> sessions, string path)
    {
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false));
        foreach (var session in sessions)
        {
            var traces = new List<SessionTraceRecord>();
            Tournament.RunSession(spec, domains[session.Domain], session, traces);
            writer.Write(JsonSerializer.Serialize(traces[0], Line));
            writer.Write('\n');
        }
    }

    /// <summary>The JSON shape of a results line (plain arrays, so it can be read back).</summary>
    private sealed record ResultLine(string? Key, string? Domain, string[]? Roles, string[]? Strategies, int Repetition, bool Agreement, string[]? Package,
        double[]? Utilities, int Rounds, string? Reason, double Welfare, double? ParetoDistance, double? NashDistance)
    {
        public SessionResult? ToResult() => Key is null || Domain is null || Roles is null || Strategies is null || Utilities is null || Reason is null
            ? null
            : new SessionResult(Key, Domain, Roles.ToValueList(), Strategies.ToValueList(), Repetition, Agreement, Package?.ToValueList(),
                Utilities.ToValueList(), Rounds, Reason, Welfare, ParetoDistance, NashDistance);
    }
}
