using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Parley.Cli.Infrastructure;
using Parley.Model;
using Parley.Negotiation;
using Parley.Negotiation.Tournaments;
using Parley.Scenarios;
using Spectre.Console;

namespace Parley.Cli.Commands;

/// <summary>
/// <c>parley tournament CONFIG.yaml [--resume] [--out DIR]</c>: strategies × domains × role assignments ×
/// repetitions. Each finished session is appended to DIR/results.jsonl and flushed; after a crash or Ctrl-C,
/// <c>--resume</c> runs only the sessions missing from that file (a torn last line is cut off first).
/// </summary>
internal static partial class TournamentCommand
{
    private static readonly JsonSerializerOptions Line = new(Output.Json) { WriteIndented = false };

    public static Command Create()
    {
        var config = new Argument<string>("config") { Description = "Tournament config (YAML): strategies, domains, rounds, repetitions, seed, limits." };
        var resume = new Option<bool>("--resume") { Description = "Continue a tournament whose results file exists: run only the missing sessions." };
        var outDir = new Option<string?>("--out", "-o") { Description = "Output folder (results.jsonl, summary.json, summary.csv). Default: ./tournament-NAME." };
        var threads = new Option<int>("--threads", "-j") { Description = "Sessions run in parallel (default: all cores).", DefaultValueFactory = _ => Environment.ProcessorCount };
        var negmas = new Option<string[]>("--negmas") { Description = "Add a NegMAS scenario folder as a domain (named after the folder); repeatable. Config files take {negmas: FOLDER} too.", Arity = ArgumentArity.OneOrMore, AllowMultipleArgumentsPerToken = true };
        var csv = new Option<string?>("--csv") { Description = "Also write the per-strategy summary as CSV to this file." };
        var plot = new Option<string?>("--plot") { Description = "Plot the strategy ranking (mean own utility) as PNG or SVG." };
        var trace = new Option<string?>("--trace") { Description = "Write every session's offers and responses as JSON lines to this file (runs all sessions again; not with --resume)." };
        var delay = new Option<int>("--session-delay-ms") { Description = "Testing aid: wait this long before each session.", Hidden = true };
        var format = Output.FormatOption();
        var cluster = ClusterCommand.ClusterOption();
        var clusterId = ClusterCommand.ClusterIdOption();
        var batchSize = ClusterCommand.BatchSizeOption();
        var command = new Command("tournament", "Run a negotiation tournament: strategies against each other in every role of every domain.")
        {
            config, resume, outDir, threads, negmas, csv, plot, trace, delay, format, cluster, clusterId, batchSize,
        };
        command.SetAction((parse, cancel) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var path = parse.GetValue(config)!;
            var k = parse.GetValue(threads);
            if (k < 1 || k > 1024)
            {
                throw new UsageException("--threads must be between 1 and 1024");
            }

            SimulateCommand.Plots.CheckExtension(parse.GetValue(plot));
            OutputPaths.CheckWritable("--plot", parse.GetValue(plot));
            OutputPaths.CheckWritable("--csv", parse.GetValue(csv));
            OutputPaths.CheckWritable("--trace", parse.GetValue(trace));
            var spec = WithNegmasDomains(LoadSpec(path), parse.GetValue(negmas), parse.GetValue(cluster) is not null);
            var domains = LoadDomains(spec, path, error);
            IReadOnlyList<TournamentSession> sessions;
            try
            {
                sessions = Tournament.Sessions(spec, domains);
            }
            catch (ArgumentException ex)
            {
                throw new UsageException($"{path}: {ex.Message}");
            }

            var dir = parse.GetValue(outDir) ?? Path.GetFullPath("tournament-" + spec.Name);
            try
            {
                Directory.CreateDirectory(dir);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new UsageException($"--out {dir}: cannot create the folder: {ex.Message}");
            }

            var results = Path.Combine(dir, "results.jsonl");
            var done = ReadDone(results, parse.GetValue(resume), sessions);
            var pending = sessions.Where(s => !done.Contains(s.Key)).ToList();
            if (done.Count > 0)
            {
                error.WriteLine($"parley tournament: resuming: {done.Count:N0} of {sessions.Count:N0} sessions already in {results}; {pending.Count:N0} to run");
            }

            if (parse.GetValue(cluster) is { } endpoint)
            {
                RunOnCluster(path, sessions, pending, results, endpoint, parse.GetValue(clusterId)!, parse.GetValue(batchSize), error, cancel);
            }
            else
            {
                Run(spec, domains, pending, results, k, parse.GetValue(delay), error, cancel);
            }

            if (parse.GetValue(trace) is { } tracePath)
            {
                WriteTraces(spec, domains, sessions, tracePath);
            }

            var all = ReadResults(results);
            var summary = Tournament.Summarize(all);
            var report = new { tournament = spec.Name, sessions = all.Count, seed = spec.Seed, rounds = spec.Rounds, strategies = summary };
            using (var json = new StreamWriter(Path.Combine(dir, "summary.json")))
            {
                Output.WriteJson(json, report);
            }

            File.WriteAllText(Path.Combine(dir, "summary.csv"), Csv(summary));
            if (parse.GetValue(csv) is { } csvPath)
            {
                File.WriteAllText(csvPath, Csv(summary));
            }

            if (parse.GetValue(plot) is { } plotPath)
            {
                SimulateCommand.Plots.Ranking([.. summary.Select(s => (s.Strategy, s.MeanUtility))], "mean own utility (reservation value on disagreement)",
                    $"Tournament {spec.Name}: {all.Count:N0} sessions", plotPath);
            }

            if (parse.GetValue(format) == OutputFormat.Json)
            {
                Output.WriteJson(output, report);
            }
            else
            {
                Render(Terminal.For(output), spec, all.Count, summary, dir);
            }

            return Task.FromResult(CliApp.Ok);
        });
        return command;
    }

    /// <summary>The config's domains plus one per <c>--negmas</c> folder (the silos of a cluster read the config only, so not with --cluster).</summary>
    private static TournamentSpec WithNegmasDomains(TournamentSpec spec, string[]? folders, bool onCluster)
    {
        if (folders is not { Length: > 0 })
        {
            return spec;
        }

        if (onCluster)
        {
            throw new UsageException("--cluster: the silos read the config file only; name NegMAS folders there ({negmas: FOLDER}) instead of --negmas");
        }

        var added = new List<DomainRef>();
        foreach (var folder in folders)
        {
            var full = Path.GetFullPath(folder);
            var name = Path.GetFileName(Path.TrimEndingDirectorySeparator(full));
            if (spec.Domains.Concat(added).Any(d => d.Name == name))
            {
                throw new UsageException($"--negmas {folder}: a domain named '{name}' already exists");
            }

            added.Add(new DomainRef("negmas", ValueList.Of(full), ValueList<string>.Empty, true, name, new SourceSpan(1, 1)));
        }

        return spec with { Domains = spec.Domains.Concat(added).ToValueList() };
    }

    internal static TournamentSpec LoadSpec(string path)
    {
        if (!File.Exists(path))
        {
            throw new ScenarioException([new Diagnostic(Severity.Error, path, 1, 1, "no such file")]);
        }

        var (spec, diagnostics) = TournamentSpecReader.Read(File.ReadAllBytes(path), path);
        return spec ?? throw new ScenarioException(diagnostics);
    }

    private static List<TournamentDomain> LoadDomains(TournamentSpec spec, string configPath, TextWriter error)
    {
        var baseDir = Path.GetDirectoryName(Path.GetFullPath(configPath))!;
        var domains = new List<TournamentDomain>();
        foreach (var d in spec.Domains)
        {
            var paths = d.Paths.Select(p => Path.IsPathRooted(p) ? p : Path.Combine(baseDir, p)).ToList();
            try
            {
                domains.Add(d.Kind switch
                {
                    "scenario" => TournamentDomain.FromScenario(d.Name, ScenarioFiles.LoadOrThrow(paths[0], error), d.Parties, d.RedLines),
                    _ => ImportDomain(d, paths),
                });
            }
            catch (ArgumentException ex)
            {
                throw new ScenarioException([new Diagnostic(Severity.Error, configPath, d.Span.Line, d.Span.Column, ex.Message)]);
            }
        }

        return domains;
    }

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

    internal static string Csv(IEnumerable<StrategyScore> rows) => CsvText.Write(
        ["strategy", "sessions", "agreement_rate", "mean_utility", "mean_welfare", "mean_pareto_distance", "mean_nash_distance", "mean_rounds"],
        rows.Select(r => (IEnumerable<string>)[r.Strategy, r.Sessions.ToString(CultureInfo.InvariantCulture), CsvText.Number(r.AgreementRate), CsvText.Number(r.MeanUtility),
            CsvText.Number(r.MeanWelfare), CsvText.Number(r.MeanParetoDistance), CsvText.Number(r.MeanNashDistance), CsvText.Number(r.MeanRounds)]));

    private static void Render(IAnsiConsole console, TournamentSpec spec, int sessions, IReadOnlyList<StrategyScore> summary, string dir)
    {
        console.MarkupLine($"[bold]Tournament[/] {Markup.Escape(spec.Name)}: {sessions:N0} sessions, {spec.Rounds} rounds each, seed {spec.Seed}; results in {Markup.Escape(dir)}");
        var table = new Table().AddColumns("#", "strategy", "sessions", "agreements", "mean utility", "mean welfare", "dist. Pareto", "dist. Nash", "rounds");
        var rank = 0;
        foreach (var r in summary)
        {
            table.AddRow((++rank).ToString(CultureInfo.InvariantCulture), Markup.Escape(r.Strategy), r.Sessions.ToString("N0", CultureInfo.InvariantCulture),
                SimulateCommand.Pct(r.AgreementRate), N(r.MeanUtility), N(r.MeanWelfare), N(r.MeanParetoDistance), N(r.MeanNashDistance), N(r.MeanRounds));
        }

        console.Write(table);
    }

    private static string N(double? v) => v is { } x ? x.ToString("0.0", CultureInfo.InvariantCulture) : "—";

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
