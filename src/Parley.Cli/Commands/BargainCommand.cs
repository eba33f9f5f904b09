using System.CommandLine;
using System.Globalization;
using System.Text;
using Parley.Bargaining;
using Parley.Bargaining.Import;
using Parley.Cli.Infrastructure;
using Parley.Cli.Plots;
using Parley.Scenarios;
using Spectre.Console;

namespace Parley.Cli.Commands;

/// <summary>
/// <c>parley bargain</c>: agreement zone, Pareto frontiers, Nash / Kalai–Smorodinsky / egalitarian / utilitarian solutions and,
/// when no package is acceptable to all, which red lines and reservation values close the zone and what reopens it.
/// Input: a scenario, GENIUS XML (<c>--genius</c>), GeniusWeb / ANL / NegoLog JSON profiles (<c>--profiles</c>), or a NegMAS
/// scenario folder (<c>--negmas</c>).
/// </summary>
internal static class BargainCommand
{
    private const long MaxInputBytes = 16 * 1024 * 1024;
    private const int TableFrontierRows = 15;
    private static readonly string[] CsvLead = ["set", "package"];

    public static Command Create()
    {
        var scenario = new Argument<string?>("scenario") { Description = "Scenario file (YAML). Omit when using --genius, --profiles or --negmas.", Arity = ArgumentArity.ZeroOrOne };
        var parties = new Option<string?>("--parties") { Description = "Comma-separated party ids, e.g. RU,UA,US,EU (default: every non-optional party with preferences)." };
        var noRedLines = new Option<bool>("--no-red-lines") { Description = "Ignore red lines (utilities and reservation values only)." };
        var genius = new Option<string[]>("--genius") { Description = "GENIUS XML: the domain file, then two or more profile files.", AllowMultipleArgumentsPerToken = true, Arity = ArgumentArity.OneOrMore };
        var profiles = new Option<string[]>("--profiles") { Description = "GeniusWeb / ANL 2023 or NegoLog JSON profiles (format detected; a GeniusWeb domain file may be added).", AllowMultipleArgumentsPerToken = true, Arity = ArgumentArity.OneOrMore };
        var negmas = new Option<string?>("--negmas") { Description = "A NegMAS scenario folder (YAML layout: an outcome-space file and one utility-function file per party)." };
        var csv = new Option<string?>("--frontier-csv") { Description = "Write the zone and whole-space frontiers to this CSV file." };
        var plot = new Option<string?>("--plot") { Description = "Write a frontier plot (PNG or SVG by extension); pairwise projections for 3+ parties." };
        var maxRelaxation = new Option<int>("--max-relaxation") { Description = "Largest red-line set searched when diagnosing an empty zone.", DefaultValueFactory = _ => 3 };
        var threads = new Option<int?>("--threads") { Description = "Worker threads for counting (default: processor count); results do not depend on it." };
        var format = Output.FormatOption();
        var command = new Command("bargain", "Agreement zone, Pareto frontier, Nash / Kalai–Smorodinsky / egalitarian / utilitarian solutions, and red-line diagnosis.")
        {
            scenario, parties, noRedLines, genius, profiles, negmas, csv, plot, maxRelaxation, threads, format,
        };
        command.SetAction((parse, cancel) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var errors = parse.InvocationConfiguration.Error;
            var (table, source) = LoadTable(parse.GetValue(scenario), parse.GetValue(genius), parse.GetValue(profiles), parse.GetValue(negmas), parse.GetValue(parties), errors);
            if (parse.GetValue(maxRelaxation) < 1)
            {
                throw new UsageException("--max-relaxation must be at least 1");
            }

            if (parse.GetValue(threads) is < 1)
            {
                throw new UsageException("--threads must be at least 1");
            }

            var options = new BargainingOptions
            {
                RedLines = !parse.GetValue(noRedLines),
                MaxRelaxationSize = parse.GetValue(maxRelaxation),
                MaxDegreeOfParallelism = parse.GetValue(threads),
            };
            BargainingResult result;
            try
            {
                result = BargainingSolver.Solve(table, options, cancel);
            }
            catch (Exception ex) when (ex is NotSupportedException or ArgumentException)
            {
                // Red lines naming unknown issues/options, or tying too many issues together: a problem with the input.
                throw new UsageException(ex.Message);
            }
            if (parse.GetValue(csv) is { } csvPath)
            {
                WriteFile(csvPath, FrontierCsv(result));
            }

            if (parse.GetValue(plot) is { } plotPath)
            {
                try
                {
                    BargainingPlot.Save(result, plotPath);
                }
                catch (IOException ex)
                {
                    throw new UsageException($"--plot {plotPath}: {ex.Message}");
                }
            }

            if (parse.GetValue(format) == OutputFormat.Json)
            {
                Output.WriteJson(output, BargainingJson.Of(result, source));
            }
            else
            {
                Render(Terminal.For(output), result, source);
            }

            return Task.FromResult(CliApp.Ok);
        });
        return command;
    }

    private static (UtilityTable Table, string Source) LoadTable(string? scenarioPath, string[]? genius, string[]? profiles, string? negmas, string? parties, TextWriter errors)
    {
        var inputs = (scenarioPath is null ? 0 : 1) + (genius is { Length: > 0 } ? 1 : 0) + (profiles is { Length: > 0 } ? 1 : 0) + (negmas is null ? 0 : 1);
        if (inputs != 1)
        {
            throw new UsageException("give exactly one input: a scenario file, --genius DOMAIN.xml PROFILE.xml…, --profiles A.json B.json… or --negmas FOLDER");
        }

        var partyIds = parties?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (partyIds is { Length: 0 })
        {
            throw new UsageException("--parties lists no party");
        }

        UtilityTable table;
        string source;
        if (scenarioPath is not null)
        {
            var s = ScenarioFiles.LoadOrThrow(scenarioPath, errors);
            try
            {
                table = UtilityTable.FromScenario(s, partyIds);
            }
            catch (ArgumentException ex)
            {
                throw new UsageException(ex.Message.Split(" (Parameter", 2)[0]);
            }

            return (table, scenarioPath);
        }

        ImportedDomain imported;
        if (negmas is not null)
        {
            imported = NegmasYaml.Read(NegmasFolder.Files(negmas));
            source = negmas;
        }
        else if (genius is { Length: > 0 })
        {
            if (genius.Length < 3)
            {
                throw new UsageException("--genius needs the domain file and at least two profile files");
            }

            imported = GeniusXml.Read(Read(genius[0]), [.. genius.Skip(1).Select(Read)]);
            source = genius[0];
        }
        else
        {
            imported = JsonProfiles.Read([.. profiles!.Select(Read)]);
            source = string.Join(" ", profiles!);
        }

        foreach (var warning in imported.Warnings)
        {
            errors.WriteLine(warning.ToString());
        }

        table = imported.Table;
        if (table.Parties.Count < 2 && partyIds is null)
        {
            throw new UsageException("bargaining needs at least two profiles");
        }

        if (partyIds is not null)
        {
            var unknown = partyIds.FirstOrDefault(id => table.PartyIndex(id) < 0);
            if (unknown is not null)
            {
                throw new UsageException($"unknown party '{unknown}' (profiles: {string.Join(", ", table.Parties.Select(p => p.Id))})");
            }

            table = table.WithParties(partyIds);
        }

        return (table, source);
    }

    private static SourceText Read(string path)
    {
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            throw new ScenarioException([new Diagnostic(Severity.Error, path, 1, 1, Directory.Exists(path) ? "is a directory; expected a file" : "no such file")]);
        }

        if (info.Length > MaxInputBytes)
        {
            throw new ScenarioException([new Diagnostic(Severity.Error, path, 1, 1, $"file is larger than {MaxInputBytes / (1024 * 1024)} MB")]);
        }

        try
        {
            return new SourceText(path, File.ReadAllText(path));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ScenarioException([new Diagnostic(Severity.Error, path, 1, 1, "cannot read: " + ex.Message)]);
        }
    }

    private static void WriteFile(string path, string text)
    {
        try
        {
            File.WriteAllText(path, text);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"cannot write {path}: {ex.Message}");
        }
    }

    internal static string FrontierCsv(BargainingResult result)
    {
        var table = result.Table;
        var header = CsvLead.Concat(table.Space.Issues.Select(i => i.Id)).Concat(table.Parties.Select(p => p.Id));
        var rows = new[] { ("zone", result.Pareto), ("space", result.SpaceFrontier) }.SelectMany(x => x.Item2.Select(o => (IEnumerable<string>)
            [x.Item1, table.Space.Describe(o.Package.AsSpan()), .. Enumerable.Range(0, table.Space.Issues.Count).Select(k => table.Space.Issues[k].OptionIds[o.Package[k]]),
             .. o.Utilities.Select(u => CsvText.Number(u))]));
        return CsvText.Write(header, rows);
    }

    private static void Render(IAnsiConsole console, BargainingResult r, string source)
    {
        var table = r.Table;
        console.Write(new Rule($"[bold]Bargaining[/]: {Markup.Escape(source)} ({Markup.Escape(string.Join(", ", table.Parties.Select(p => p.Id)))})").LeftJustified());
        var summary = new Table().AddColumns("", "count");
        summary.AddRow("packages", $"{r.Outcomes:N0}");
        summary.AddRow("breaking no red line", $"{r.Admissible:N0}");
        summary.AddRow("agreement zone", r.AgreementZone is { } z ? $"{z:N0}" : "not counted (space above the enumeration limit)");
        summary.AddRow("frontier, agreement zone", $"{r.Pareto.Count:N0}");
        summary.AddRow("frontier, whole space", $"{r.SpaceFrontier.Count:N0}");
        console.Write(summary);

        var parties = new Table().AddColumns("party", "reservation", "ideal in zone", "red lines");
        for (var i = 0; i < table.Parties.Count; i++)
        {
            var p = table.Parties[i];
            parties.AddRow(Markup.Escape(p.Id), F(p.Reservation), r.Ideals.Count > 0 ? F(r.Ideals[i]) : "—",
                Markup.Escape(string.Join("; ", p.RedLines.Select(l => $"{l.Id}: {l.Rule}"))));
        }

        console.Write(parties);
        if (r.HasAgreement)
        {
            var solutions = new Table().Title("Solutions (utility, gain over reservation)").AddColumn("solution").AddColumn("package");
            foreach (var p in table.Parties)
            {
                solutions.AddColumn(Markup.Escape(p.Id), c => c.RightAligned());
            }

            foreach (var s in r.Solutions)
            {
                solutions.AddRow([BargainingPlot.Name(s.Kind), Markup.Escape(s.Label), .. s.Parties.Select(p => $"{F(p.Utility)} (+{F(p.Gain)})")]);
            }

            console.Write(solutions);
            var frontier = new Table().Title($"Pareto frontier of the agreement zone ({r.Pareto.Count} points{(r.Pareto.Count > TableFrontierRows ? $"; first {TableFrontierRows}, all with --frontier-csv" : "")})").AddColumn("package");
            foreach (var p in table.Parties)
            {
                frontier.AddColumn(Markup.Escape(p.Id), c => c.RightAligned());
            }

            foreach (var o in r.Pareto.Take(TableFrontierRows))
            {
                frontier.AddRow([Markup.Escape(table.Space.Describe(o.Package.AsSpan())), .. o.Utilities.Select(F)]);
            }

            console.Write(frontier);
        }

        if (r.Diagnosis is { } d)
        {
            console.MarkupLine("[bold red]No package is acceptable to every party.[/]");
            var conflicts = new Table().Title($"What empties the zone: minimal conflicting constraints (sets up to {d.MaxSetSize + 1})").AddColumn("constraints that cannot all hold");
            foreach (var c in d.Conflicts)
            {
                conflicts.AddRow(Markup.Escape(string.Join(" + ", c)));
            }

            console.Write(conflicts);
            if (d.RedLinesAloneIncompatible)
            {
                console.MarkupLine("The red lines alone exclude every package: no cut of reservation values can reopen the zone.");
            }

            var relax = new Table().Title($"Minimal red-line relaxations (sets up to {d.MaxSetSize})").AddColumns("drop", "zone size", "Nash package");
            foreach (var x in d.Relaxations)
            {
                relax.AddRow(Markup.Escape(string.Join(", ", x.Drop)), x.AgreementZone is { } n ? $"{n:N0}" : "?", Markup.Escape(x.Nash?.Label ?? "—"));
            }

            if (d.Relaxations.Count == 0)
            {
                relax.AddRow("(none within the search limit)", "", "");
            }

            console.Write(relax);
            if (d.ReservationCuts.Count > 0)
            {
                var cuts = new Table().Title("Smallest reservation cuts (all red lines kept)").AddColumns("cut", "zone size", "Nash package");
                foreach (var c in d.ReservationCuts)
                {
                    var what = c.Uniform ? $"every party by {F(c.Cuts[0])}" : string.Join(", ", c.Parties.Zip(c.Cuts).Select(z => $"{z.First} by {F(z.Second)}"));
                    cuts.AddRow(Markup.Escape(what), c.AgreementZone is { } n ? $"{n:N0}" : "?", Markup.Escape(c.Nash?.Label ?? "—"));
                }

                console.Write(cuts);
            }
        }
    }

    private static string F(double v) => v.ToString("0.###", CultureInfo.InvariantCulture);
}
