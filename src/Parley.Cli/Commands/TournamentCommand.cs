using System.CommandLine;
using Parley.Cli.Infrastructure;
using Parley.Model;
using Parley.Negotiation.Tournaments;
using Parley.Scenarios;

namespace Parley.Cli.Commands;

/// <summary>
/// <c>parley tournament CONFIG.yaml [--resume] [--out DIR]</c>: strategies × domains × role assignments ×
/// repetitions. Each finished session is appended to DIR/results.jsonl and flushed; after a crash or Ctrl-C,
/// <c>--resume</c> runs only the sessions missing from that file (a torn last line is cut off first).
/// </summary>
internal static partial class TournamentCommand
{
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
}
