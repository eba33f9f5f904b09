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
internal static class StabilityCommand
{
    private const int TableStateLimit = 64;
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

    private static List<StabilityConcept> ParseConcepts(string text)
    {
        var list = new List<StabilityConcept>();
        foreach (var key in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var concept = StabilityConcept.Parse(key) ?? throw new UsageException($"unknown concept '{key}'; expected nash, gmr, smr, seq, sim, seqsim or lH (1 ≤ H ≤ 50)");
            if (!list.Contains(concept))
            {
                list.Add(concept);
            }
        }

        return list.Count > 0 ? list : throw new UsageException("--concepts names no concept");
    }

    private static Player[] Players(ConflictModel model, string[] coalitions, IReadOnlyList<IReadOnlyList<int>>? declared)
    {
        if (coalitions.Length == 0)
        {
            return declared is null ? Player.Individuals(model) : Player.Grouped(model, declared);
        }

        var groups = new List<IReadOnlyList<int>>();
        foreach (var c in coalitions)
        {
            var members = c.Split('+', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(id => Dm(model, id, "--coalition")).ToList();
            if (members.Count < 2)
            {
                throw new UsageException($"--coalition '{c}': name two or more decision makers joined by '+'");
            }

            groups.Add(members);
        }

        try
        {
            return Player.Grouped(model, groups);
        }
        catch (ArgumentException ex)
        {
            throw new UsageException("--coalition: " + ex.Message);
        }
    }

    private static int Dm(ConflictModel model, string id, string option)
    {
        for (var d = 0; d < model.DecisionMakers.Count; d++)
        {
            if (string.Equals(model.DecisionMakers[d].Id, id, StringComparison.OrdinalIgnoreCase))
            {
                return d;
            }
        }

        throw new UsageException($"{option}: unknown decision maker '{id}'; decision makers are {string.Join(", ", model.DecisionMakers.Select(d => d.Id))}");
    }

    private static int State(ConflictModel model, string text, string option)
    {
        var s = model.ParseState(text);
        return s >= 0 ? s : throw new UsageException($"{option}: '{text}' is not a feasible state; give an ordered id 1..{model.StateCount} or a Y/N code of {model.Options.Count} letters");
    }

    private static (int Player, int State) PlayerState(ConflictModel model, Player[] players, string text)
    {
        var colon = text.LastIndexOf(':');
        if (colon <= 0)
        {
            throw new UsageException($"--explain '{text}': expected DM:STATE, e.g. {players[0].Name}:1");
        }

        var name = text[..colon];
        var p = Array.FindIndex(players, pl => string.Equals(pl.Name, name, StringComparison.OrdinalIgnoreCase));
        if (p < 0)
        {
            throw new UsageException($"--explain: unknown decision maker '{name}'; players are {string.Join(", ", players.Select(pl => pl.Name))}");
        }

        return (p, State(model, text[(colon + 1)..], "--explain"));
    }

    private static List<InverseWindow> Windows(ConflictModel model, string[] specs)
    {
        if (specs.Length == 0)
        {
            throw new UsageException("--inverse needs at least one --vary DM[:FROM-TO]");
        }

        var windows = new List<InverseWindow>();
        foreach (var spec in specs)
        {
            var parts = spec.Split(':', 2);
            var dm = Dm(model, parts[0], "--vary");
            if (parts.Length == 1)
            {
                windows.Add(new InverseWindow(dm, 1, int.MaxValue));
                continue;
            }

            var range = parts[1].Split('-', 2);
            if (range.Length != 2 || !int.TryParse(range[0], out var a) || !int.TryParse(range[1], out var b) || a < 1 || b < a)
            {
                throw new UsageException($"--vary '{spec}': expected DM:FROM-TO with 1 ≤ FROM ≤ TO, e.g. {parts[0]}:1-4");
            }

            windows.Add(new InverseWindow(dm, a, b));
        }

        return windows;
    }

    private static string Id(int state) => ConflictModel.OrderedId(state).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static object ToJson(string path, StabilityResult r, StatusQuoResult? sq, List<StabilityExplanation>? explanations, InverseResult? inv, CoalitionStabilityResult? cs, double seconds)
    {
        var m = r.Model;
        return new
        {
            file = path,
            options = m.Options.Select(o => new { id = o.Id, name = o.Name, direction = o.Direction }),
            decisionMakers = m.DecisionMakers.Select(d => new { id = d.Id, name = d.Name, options = m.Options.Where((_, k) => ((d.Mask >> k) & 1) == 1).Select(o => o.Id) }),
            players = r.Players.Select(p => p.Name),
            sanctions = r.Mode == SanctionMode.Full ? "full" : "once-each",
            stateCount = m.StateCount,
            states = Enumerable.Range(0, m.StateCount).Select(s => new { id = ConflictModel.OrderedId(s), code = m.Code(s), @decimal = m.Mask(s) }),
            equilibria = r.Concepts.Select((c, i) => (c.Key, Ids: r.Equilibria(i).Select(ConflictModel.OrderedId))).ToDictionary(x => x.Key, x => x.Ids),
            stable = r.Concepts.Select((c, i) => (c.Key, PerPlayer: r.Players.Select((p, pi) => (p.Name, Ids: r.StableFor(i, pi).Select(ConflictModel.OrderedId))).ToDictionary(x => x.Name, x => x.Ids)))
                .ToDictionary(x => x.Key, x => x.PerPlayer),
            statusQuo = sq is null ? null : new
            {
                from = ConflictModel.OrderedId(sq.Start),
                reachable = sq.Reachable.Select(ConflictModel.OrderedId),
                final = sq.Final.Select(ConflictModel.OrderedId),
                paths = sq.Reachable.Where(s => s != sq.Start).Select(s => new
                {
                    to = ConflictModel.OrderedId(s),
                    moves = sq.Paths[s].Select(st => new { player = r.Players[st.Player].Name, to = ConflictModel.OrderedId(st.To), code = m.Code(st.To) }),
                }),
                reachableEquilibria = r.Concepts.Select((c, i) => (c.Key, Ids: r.Equilibria(i).Where(sq.Paths.ContainsKey).Select(ConflictModel.OrderedId))).ToDictionary(x => x.Key, x => x.Ids),
            },
            explanations = explanations?.Select(e => new
            {
                player = r.Players[e.Player].Name,
                state = ConflictModel.OrderedId(e.State),
                code = m.Code(e.State),
                concept = e.Concept.Key,
                stable = e.Stable,
                anticipated = e.Anticipated is { } a ? ConflictModel.OrderedId(a) : (int?)null,
                improvements = e.Improvements.Select(i => new
                {
                    to = ConflictModel.OrderedId(i.To),
                    code = m.Code(i.To),
                    sanction = i.Sanction?.Select(st => new { player = r.Players[st.Player].Name, to = ConflictModel.OrderedId(st.To), code = m.Code(st.To) }),
                    outcome = i.Outcome is { } o ? ConflictModel.OrderedId(o) : (int?)null,
                }),
                text = Explanation.Describe(m, r.Players, e),
            }),
            inverse = inv is null ? null : new
            {
                state = ConflictModel.OrderedId(inv.State),
                profiles = inv.Profiles,
                rule = RuleKey(inv.Rule),
                counts = inv.Counts.ToDictionary(kv => kv.Key.Key, kv => kv.Value),
                examples = inv.Examples.Select(x => new { profile = x.Profile, rankings = x.Rankings.ToDictionary(kv => m.DecisionMakers[kv.Key].Id, kv => kv.Value.Select(t => t.Select(ConflictModel.OrderedId))), equilibriumUnder = x.Concepts.Select(c => c.Key) }),
            },
            coalitionStability = cs is null ? null : new
            {
                coalitions = cs.Coalitions.Select(c => string.Join("+", c.Select(d => m.DecisionMakers[d].Id))),
                equilibria = cs.Concepts.Select((c, i) => (Key: "c" + c.Key, Ids: cs.Equilibria[i].Select(ConflictModel.OrderedId))).ToDictionary(x => x.Key, x => x.Ids),
            },
            seconds = Math.Round(seconds, 3),
        };
    }

    private static void Render(IAnsiConsole console, string path, StabilityResult r, StatusQuoResult? sq, List<StabilityExplanation>? explanations, InverseResult? inv, CoalitionStabilityResult? cs, double seconds)
    {
        var m = r.Model;
        console.Write(new Rule($"[bold]Stability[/] {Markup.Escape(Path.GetFileName(path))}: {m.StateCount:N0} feasible states, {r.Players.Length} players ({Markup.Escape(string.Join(", ", r.Players.Select(p => p.Name)))}), sanctions {(r.Mode == SanctionMode.Full ? "full" : "once-each")}").LeftJustified());
        console.WriteLine("Options (code order): " + string.Join(" ", m.Options.Select((o, k) => $"{k + 1}={o.Id}")));
        var equilibria = r.Concepts.Select((_, i) => r.Equilibria(i).ToHashSet()).ToList();
        var shown = m.StateCount <= TableStateLimit
            ? Enumerable.Range(0, m.StateCount).ToList()
            : [.. equilibria.SelectMany(e => e).Distinct().Order().Take(TableStateLimit)];
        var table = new Table().Title(m.StateCount <= TableStateLimit ? "States (E = equilibrium, letters = players for whom the state is stable)" : $"Equilibria (first {TableStateLimit})");
        table.AddColumn("id").AddColumn("code");
        foreach (var c in r.Concepts)
        {
            table.AddColumn(new TableColumn(Markup.Escape(c.Title)).Centered());
        }

        foreach (var s in shown)
        {
            var cells = new List<string> { Id(s), m.Code(s) };
            for (var i = 0; i < r.Concepts.Count; i++)
            {
                cells.Add(equilibria[i].Contains(s) ? "[green]E[/]" : Markup.Escape(string.Join(" ", r.Players.Select((p, pi) => r.Stable[i][pi][s] ? Initial(p) : "·"))));
            }

            table.AddRow(cells.ToArray());
        }

        console.Write(table);
        var summary = new Table().Title("Equilibria per concept").AddColumns("concept", "count", "states");
        for (var i = 0; i < r.Concepts.Count; i++)
        {
            var ids = r.Equilibria(i);
            summary.AddRow(Markup.Escape(r.Concepts[i].Title), ids.Length.ToString("N0", System.Globalization.CultureInfo.InvariantCulture),
                Markup.Escape(string.Join(", ", ids.Take(20).Select(s => $"{Id(s)} {m.Code(s)}")) + (ids.Length > 20 ? ", …" : "")));
        }

        console.Write(summary);
        if (sq is not null)
        {
            console.MarkupLine($"[bold]From state {Id(sq.Start)}[/] ({m.Code(sq.Start)}): {sq.Reachable.Count:N0} states reachable by improvements; final (no one improves): {Markup.Escape(string.Join(", ", sq.Final.Select(Id)))}");
            foreach (var s in sq.Final.Take(20))
            {
                console.MarkupLine("  " + Markup.Escape(PathText(m, r.Players, sq, s)));
            }

            for (var i = 0; i < r.Concepts.Count; i++)
            {
                var reach = r.Equilibria(i).Where(sq.Paths.ContainsKey).ToList();
                console.MarkupLine($"  reachable {Markup.Escape(r.Concepts[i].Title)} equilibria: {Markup.Escape(reach.Count == 0 ? "none" : string.Join(", ", reach.Take(20).Select(Id)))}");
            }
        }

        foreach (var e in explanations ?? [])
        {
            console.MarkupLine(Markup.Escape(Explanation.Describe(m, r.Players, e)));
        }

        if (inv is not null)
        {
            console.MarkupLine($"[bold]Inverse GMCR[/] for state {Id(inv.State)} ({m.Code(inv.State)}), rule {RuleKey(inv.Rule)}: {inv.Profiles:N0} ranking profiles; " +
                Markup.Escape(string.Join(", ", inv.Counts.Select(kv => $"{kv.Key.Title} {kv.Value:N0}"))));
            foreach (var x in inv.Examples)
            {
                console.MarkupLine("  " + Markup.Escape(string.Join("; ", x.Rankings.Select(kv => $"{m.DecisionMakers[kv.Key].Id}: {string.Join(" > ", kv.Value.Select(t => string.Join("~", t.Select(Id))))}")) + $" → {string.Join(", ", x.Concepts.Select(c => c.Title))}"));
            }
        }

        if (cs is not null)
        {
            for (var i = 0; i < cs.Concepts.Count; i++)
            {
                console.MarkupLine($"Coalition {Markup.Escape(cs.Concepts[i].Title)} equilibria (all {cs.Coalitions.Count} coalitions): {Markup.Escape(string.Join(", ", cs.Equilibria[i].Select(Id)))}");
            }
        }

        console.MarkupLine($"[grey]{seconds:0.###} s[/]");
    }

    private static string RuleKey(InverseRule rule) => rule == InverseRule.GmcrPy ? "gmcr-py" : "standard";

    private static string Initial(Player p) => p.Name.Length <= 3 ? p.Name : p.Name[..3];

    private static string PathText(ConflictModel m, Player[] players, StatusQuoResult sq, int target) =>
        $"{Id(sq.Start)}" + string.Concat(sq.Paths[target].Select(st => $" →({players[st.Player].Name}) {Id(st.To)}")) + $"  [{m.Code(target)}]";
}
