using System.CommandLine;
using System.Diagnostics;
using Parley.Cli.Infrastructure;
using Parley.Conflict;
using Parley.Scenarios;
using Spectre.Console;

namespace Parley.Cli.Commands;

/// <summary>
/// <c>parley stability FILE</c>: GMCR stability analysis of a scenario's <c>conflict:</c> section or a gmcr-py
/// <c>.gmcr</c> file: equilibria per concept, status-quo paths, explanations, inverse GMCR, DOT export.
/// </summary>
internal static partial class StabilityCommand
{
    private const int ProgressStateThreshold = 50_000;

    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "A Parley scenario (YAML, with a conflict: section) or a gmcr-py save file (.gmcr)." };
        var concepts = new Option<string>("--concepts", "-c")
        {
            Description = "Comma-separated concepts: nash, gmr, smr, seq, sim, seqsim, and l1…l50 (limited move, horizon h).",
            DefaultValueFactory = _ => "nash,gmr,smr,seq,sim,seqsim",
        };
        var coalition = new Option<string[]>("--coalition")
        {
            Description = "Decision makers acting as one, joined by '+' (e.g. MoE+UR); repeat for several coalitions. An improvement must be strictly better for every member.",
            AllowMultipleArgumentsPerToken = false,
        };
        var sanctions = new Option<string>("--sanctions")
        {
            Description = "Sanction sequences with 3+ players: full (any legal sequence, no player twice in a row) or once-each (each opponent at most once, gmcr-py's rule).",
            DefaultValueFactory = _ => "full",
        };
        sanctions.AcceptOnlyFromAmong("full", "once-each");
        var from = new Option<string?>("--from") { Description = "Status-quo analysis from this state (ordered id, Y/N code, or 'sq' for the declared status quo): reachable states and shortest improvement paths." };
        var explain = new Option<string?>("--explain") { Description = "Explain DM:STATE under each concept: its improvements and the sanctions that deter them (DM id or coalition name, STATE id or Y/N code)." };
        var inverse = new Option<string?>("--inverse") { Description = "Inverse GMCR: count the rankings (within --vary windows) that make this state an equilibrium." };
        var vary = new Option<string[]>("--vary") { Description = "With --inverse: DM:FROM-TO, positions (1-based, inclusive) of the DM's ranking that may be permuted; DM alone varies the whole ranking." };
        var inverseRule = new Option<string>("--inverse-rule")
        {
            Description = "With --inverse: standard (every improvement must be sanctioned) or gmcr-py (gmcr-py's inverse solver: only the improvement to the highest-numbered state must be sanctioned, by one opponent move; --sanctions does not change it, so add --sanctions once-each to match gmcr-py's equilibria as well).",
            DefaultValueFactory = _ => "standard",
        };
        inverseRule.AcceptOnlyFromAmong("standard", "gmcr-py");
        var list = new Option<int>("--list") { Description = "With --inverse: also list up to N of the rankings found.", DefaultValueFactory = _ => 0 };
        var coalitionStability = new Option<bool>("--coalition-stability") { Description = "Also compute coalition Nash/GMR/SEQ equilibria (Inohara & Hipel 2008): stable against every coalition's joint improvements." };
        var format = new Option<string>("--format", "-f") { Description = "Output format: table, json or dot (Graphviz state graph).", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json", "dot");
        var command = new Command("stability", "GMCR stability analysis: Nash, GMR, SMR, SEQ, SIM, SEQ∧SIM and limited-move equilibria, status-quo paths, explanations, inverse GMCR.")
        {
            file, concepts, coalition, sanctions, from, explain, inverse, vary, inverseRule, list, coalitionStability, format,
        };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var path = parse.GetValue(file)!;
            var (model, declared) = Load(path, error);
            var players = Players(model, parse.GetValue(coalition) ?? [], declared);
            var mode = parse.GetValue(sanctions) == "once-each" ? SanctionMode.OnceEach : SanctionMode.Full;
            var conceptList = ParseConcepts(parse.GetValue(concepts)!);
            var rule = parse.GetValue(inverseRule) == "gmcr-py" ? InverseRule.GmcrPy : InverseRule.Standard;
            if (parse.GetValue(list) < 0)
            {
                throw new UsageException("--list must be 0 or more");
            }

            if (parse.GetValue(inverse) is null && parse.GetResult(inverseRule) is { Implicit: false })
            {
                throw new UsageException("--inverse-rule applies only with --inverse STATE");
            }

            if (parse.GetValue(inverse) is null && (parse.GetValue(vary) is { Length: > 0 } || parse.GetResult(list) is { Implicit: false }))
            {
                throw new UsageException("--vary and --list apply only with --inverse STATE");
            }

            var engine = new StabilityEngine(model, players, mode);
            var watch = Stopwatch.StartNew();
            var result = RunWithProgress(engine, conceptList, error, model.StateCount);
            var seconds = watch.Elapsed.TotalSeconds;

            StatusQuoResult? sq = null;
            if (parse.GetValue(from) is { } fromText)
            {
                var start = fromText.Equals("sq", StringComparison.OrdinalIgnoreCase)
                    ? model.StatusQuo ?? throw new UsageException("--from sq: the conflict declares no status_quo")
                    : State(model, fromText, "--from");
                sq = StatusQuoAnalysis.Run(model, players, start);
            }

            List<StabilityExplanation>? explanations = null;
            if (parse.GetValue(explain) is { } explainText)
            {
                var (p, s) = PlayerState(model, players, explainText);
                var checker = new StateChecker(model, players, mode);
                explanations = [.. conceptList.Select(c => checker.Explain(p, s, c))];
            }

            InverseResult? inv = null;
            if (parse.GetValue(inverse) is { } inverseText)
            {
                inv = Guard("--inverse", () => InverseGmcr.Run(model, State(model, inverseText, "--inverse"), Windows(model, parse.GetValue(vary) ?? []), mode, parse.GetValue(list), rule));
            }

            CoalitionStabilityResult? cs = parse.GetValue(coalitionStability) ? Guard("--coalition-stability", () => CoalitionStability.Analyze(model, mode)) : null;
            var fmt = parse.GetValue(format);
            if (fmt == "dot")
            {
                output.Write(ConflictDot.Write(result, sq));
            }
            else if (fmt == "json")
            {
                Output.WriteJson(output, ToJson(path, result, sq, explanations, inv, cs, seconds));
            }
            else
            {
                Render(Terminal.For(output), path, result, sq, explanations, inv, cs, seconds);
            }

            return CliApp.Ok;
        });
        return command;
    }

    private static (ConflictModel Model, IReadOnlyList<IReadOnlyList<int>>? Coalitions) Load(string path, TextWriter error)
    {
        try
        {
            if (path.EndsWith(".gmcr", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
            {
                var info = new FileInfo(path);
                if (!info.Exists)
                {
                    throw new ScenarioException([new Diagnostic(Severity.Error, path, 1, 1, "no such file")]);
                }

                if (info.Length > GmcrImport.MaxBytes)
                {
                    throw new ScenarioException([new Diagnostic(Severity.Error, path, 1, 1, $"file is larger than {GmcrImport.MaxBytes / (1024 * 1024)} MB")]);
                }

                var imported = GmcrImport.Parse(File.ReadAllBytes(path), path);
                return (imported.Model, imported.Coalitions);
            }

            var scenario = ScenarioFiles.LoadOrThrow(path, error);
            return scenario.Conflict is { } spec
                ? (ConflictModelFactory.FromSpec(spec), null)
                : throw new ScenarioException([new Diagnostic(Severity.Error, path, 1, 1, "the scenario has no 'conflict:' section to analyse")]);
        }
        catch (ArgumentException ex)
        {
            throw new ScenarioException([new Diagnostic(Severity.Error, path, 1, 1, ex.Message)]);
        }
    }

    private static StabilityResult RunWithProgress(StabilityEngine engine, IReadOnlyList<StabilityConcept> concepts, TextWriter error, int states)
    {
        var interactive = ReferenceEquals(error, Console.Error) && !Console.IsErrorRedirected && states >= ProgressStateThreshold;
        if (!interactive)
        {
            return engine.Analyze(concepts);
        }

        StabilityResult? result = null;
        AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) }).Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask($"{states:N0} states");
                var gate = new object();
                result = engine.Analyze(concepts, (fraction, what) =>
                {
                    lock (gate)
                    {
                        task.Value = fraction * 100;
                        task.Description = Markup.Escape(what);
                    }
                });
            });
        return result!;
    }

    private static T Guard<T>(string option, Func<T> run)
    {
        try
        {
            return run();
        }
        catch (ArgumentException ex)
        {
            throw new UsageException($"{option}: {ex.Message}");
        }
    }
}
