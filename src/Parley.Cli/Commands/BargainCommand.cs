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
internal static partial class BargainCommand
{
    private const long MaxInputBytes = 16 * 1024 * 1024;

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
}
