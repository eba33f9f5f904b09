using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Parley.Cli.Infrastructure;
using Parley.Negotiation.Simulation;
using Spectre.Console;

namespace Parley.Cli.Commands;

/// <summary>
/// <c>parley simulate FILE --runs N --seed S --by DATE</c>: Monte Carlo forecast of the staged talks —
/// P(each stage reached by the date), P(agreement by the date), the agreements, the time to agreement
/// and a one-at-a-time sensitivity table. Output is identical for a seed whatever <c>--threads</c> is.
/// </summary>
internal static partial class SimulateCommand
{
    public static Command Create()
    {
        var file = new Argument<string?>("file") { Description = "Scenario file (YAML); its simulation: section sets stages, strategies and priors. Omit with --negmas.", Arity = ArgumentArity.ZeroOrOne };
        var negmas = new Option<string?>("--negmas") { Description = "Simulate a NegMAS scenario folder instead: one session of all its parties over all its issues, default settings." };
        var runs = new Option<long>("--runs", "-n") { Description = "Number of simulated runs.", DefaultValueFactory = _ => 10_000 };
        var seed = new Option<ulong>("--seed", "-s") { Description = "Seed; the same seed gives the same output on any number of threads.", DefaultValueFactory = _ => 1 };
        var by = new Option<string?>("--by") { Description = "Question date (yyyy-MM-dd, end of that day). Default: the focus stage's deadline, else 90 days after the start." };
        var start = new Option<string?>("--start") { Description = "Override the simulation's day 0 (yyyy-MM-dd)." };
        var threads = new Option<int>("--threads", "-j") { Description = "Worker threads (default: all cores).", DefaultValueFactory = _ => Environment.ProcessorCount };
        var sensitivity = new Option<long?>("--sensitivity-runs") { Description = "Runs per setting in the sensitivity table (default: min(runs, 1000); 0 turns it off)." };
        var plot = new Option<string?>("--plot") { Description = "Write P(agreement) against the date as a PNG or SVG plot." };
        var trace = new Option<string?>("--trace") { Description = "Write one run's sessions (every offer and response) as JSON." };
        var traceRun = new Option<long>("--trace-run") { Description = "Which run --trace and --dance show.", DefaultValueFactory = _ => 0 };
        var dance = new Option<string?>("--dance") { Description = "Plot the traced run's longest session in utility space (PNG or SVG)." };
        var timing = new Option<bool>("--timing") { Description = "Print the wall-clock time of the runs to stderr." };
        var format = Output.FormatOption();
        var cluster = ClusterCommand.ClusterOption();
        var clusterId = ClusterCommand.ClusterIdOption();
        var batchSize = ClusterCommand.BatchSizeOption();
        var command = new Command("simulate", "Forecast the staged talks: how likely is each stage, and a deal, by a date?")
        {
            file, negmas, runs, seed, by, start, threads, sensitivity, plot, trace, traceRun, dance, timing, format, cluster, clusterId, batchSize,
        };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var (path, scenario) = Load(parse.GetValue(file), parse.GetValue(negmas), parse.GetValue(cluster) is not null, error);
            var spec = SimulationSpec.Of(scenario, path);
            var n = parse.GetValue(runs);
            if (n < 1 || n > 100_000_000)
            {
                throw new UsageException("--runs must be between 1 and 100,000,000");
            }

            var k = parse.GetValue(threads);
            if (k < 1 || k > 1024)
            {
                throw new UsageException("--threads must be between 1 and 1024");
            }

            Plots.CheckExtension(parse.GetValue(plot));
            Plots.CheckExtension(parse.GetValue(dance));
            OutputPaths.CheckWritable("--plot", parse.GetValue(plot));
            OutputPaths.CheckWritable("--dance", parse.GetValue(dance));
            OutputPaths.CheckWritable("--trace", parse.GetValue(trace));
            if (parse.GetValue(sensitivity) is < 0)
            {
                throw new UsageException("--sensitivity-runs must be 0 or more");
            }

            if (parse.GetValue(traceRun) < 0)
            {
                throw new UsageException("--trace-run must be 0 or more");
            }

            SimulationPlan plan;
            try
            {
                plan = SimulationPlan.Compile(scenario, spec, parse.GetValue(start) is { } s ? CliDates.Parse(s, "--start") : null);
            }
            catch (ArgumentException ex)
            {
                throw new UsageException($"{path}: cannot simulate: {ex.Message}");
            }

            var date = parse.GetValue(by) is { } b ? CliDates.Parse(b, "--by") : plan.DefaultBy;
            if (date < plan.Start)
            {
                // Every probability would be 0 by construction: almost surely a typo or a swapped --start.
                throw new UsageException($"--by {date:yyyy-MM-dd} is before the simulation's start (day 0) {plan.Start:yyyy-MM-dd}");
            }

            var s0 = parse.GetValue(seed);
            var sensitivityRuns = parse.GetValue(sensitivity) ?? Math.Min(n, 1000);
            var watch = Stopwatch.StartNew();
            // With --cluster the N runs and every sensitivity setting go out in batches to the silos (same tallies,
            // so the same output; the cluster client shows its own progress bar).
            var batches = 0;
            var (tally, rows) = parse.GetValue(cluster) is { } endpoint
                ? RunOnCluster(plan, new Cluster.Jobs.SimulationJobSpec(File.ReadAllText(path), path, parse.GetValue(start) is { } s1 ? CliDates.Parse(s1, "--start") : null),
                    s0, n, sensitivityRuns, date, parse.GetValue(batchSize), endpoint, parse.GetValue(clusterId)!, error, out batches)
                : WithProgress(error, n + (sensitivityRuns * 2 * SensitivityKnobs.FactorsFor(plan).Count), progress =>
                {
                    var t = StagedForecast.Run(plan, s0, n, k, progress);
                    var r = sensitivityRuns > 0
                        ? StagedForecast.Sensitivity(plan, s0, sensitivityRuns, date, k, progress is null ? null : new Shift(progress, n))
                        : null;
                    return (t, r);
                });
            watch.Stop();
            if (parse.GetValue(timing))
            {
                var total = n + (sensitivityRuns * 2 * SensitivityKnobs.FactorsFor(plan).Count);
                error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"parley simulate: {total:N0} staged runs ({n:N0} + {total - n:N0} for sensitivity) in {watch.Elapsed.TotalSeconds:0.00} s {(batches > 0 ? $"on the cluster ({batches:N0} batches)" : $"on {k} thread(s)")}: {total / watch.Elapsed.TotalSeconds:N0} runs/s"));
            }

            var report = StagedForecast.Report(plan, tally, date);
            if (parse.GetValue(plot) is { } plotPath)
            {
                Plots.AgreementCurve(report, plotPath);
            }

            if (parse.GetValue(trace) is not null || parse.GetValue(dance) is not null)
            {
                var traced = StagedForecast.Trace(plan, s0, parse.GetValue(traceRun));
                if (parse.GetValue(trace) is { } tracePath)
                {
                    using var writer = new StreamWriter(tracePath);
                    Output.WriteJson(writer, traced);
                }

                if (parse.GetValue(dance) is { } dancePath)
                {
                    var session = traced.Sessions.Where(x => x.Protocol == "alternating").OrderByDescending(x => x.Moves.Count).FirstOrDefault()
                        ?? traced.Sessions.OrderByDescending(x => x.Moves.Count).FirstOrDefault()
                        ?? throw new UsageException($"run {traced.Run} has no negotiation session to plot (no stage with an agenda opened)");
                    Plots.Dance(session, dancePath);
                }
            }

            if (parse.GetValue(format) == OutputFormat.Json)
            {
                Output.WriteJson(output, new { seed = s0, report, sensitivity = rows });
            }
            else
            {
                Render(Terminal.For(output), report, rows, s0);
            }

            return CliApp.Ok;
        });
        return command;
    }

    /// <summary>The scenario file, or a NegMAS folder turned into a scenario (no process: one session, default settings).</summary>
    private static (string Path, Model.Scenario Scenario) Load(string? file, string? negmas, bool onCluster, TextWriter error)
    {
        if ((file is null) == (negmas is null))
        {
            throw new UsageException("give exactly one input: a scenario file or --negmas FOLDER");
        }

        if (negmas is null)
        {
            return (file!, ScenarioFiles.LoadOrThrow(file!, error));
        }

        if (onCluster)
        {
            throw new UsageException("--cluster sends the scenario file to the silos; it does not take --negmas");
        }

        var name = Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(negmas)));
        return (negmas, NegmasFolder.Import(negmas, error).ToScenario(name.Length > 0 ? name : "negmas"));
    }

    /// <summary>Runs <paramref name="work"/> with a progress bar on stderr when stderr is an interactive terminal.</summary>
    internal static T WithProgress<T>(TextWriter error, long total, Func<IProgress<long>?, T> work)
    {
        if (error != Console.Error || Console.IsErrorRedirected || total <= 0)
        {
            return work(null);
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        T result = default!;
        console.Progress().AutoClear(true).Start(ctx =>
        {
            var task = ctx.AddTask("simulating", maxValue: total);
            result = work(new ProgressBar(task));
        });
        return result;
    }

    private sealed class ProgressBar(ProgressTask task) : IProgress<long>
    {
        public void Report(long value) => task.Value = value;
    }

    private sealed class Shift(IProgress<long> inner, long offset) : IProgress<long>
    {
        public void Report(long value) => inner.Report(offset + value);
    }
}
