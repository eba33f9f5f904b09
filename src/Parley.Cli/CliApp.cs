using System.CommandLine;
using System.CommandLine.Parsing;
using Parley.Cli.Commands;
using Parley.Cli.Infrastructure;
using Parley.Scenarios;

namespace Parley.Cli;

/// <summary>Builds the command tree and maps failures to exit codes: 0 ok, 2 invalid input or usage, 1 internal failure.</summary>
internal static class CliApp
{
    public const int Ok = 0;
    public const int InternalFailure = 1;
    public const int InvalidInput = 2;

    /// <summary>The commands, in the order help lists them; each built only when needed.</summary>
    private static readonly (string Name, Func<Command> Create)[] Commands =
    [
        ("validate", ValidateCommand.Create),
        ("describe", DescribeCommand.Create),
        ("stability", StabilityCommand.Create),
        ("bargain", BargainCommand.Create),
        ("simulate", SimulateCommand.Create),
        ("tournament", TournamentCommand.Create),
        ("forecast", ForecastCommand.Create),
        ("report", ReportCommand.Create),
        ("diff", DiffCommand.Create),
        ("export", ExportCommand.Create),
        ("cluster", ClusterCommand.Create),
        ("serve", ServeCommand.Create),
        ("studio", StudioCommand.Create),
    ];

    /// <summary>Every command (for help and tests).</summary>
    public static RootCommand BuildRoot() => BuildRoot(null);

    /// <summary>
    /// The command tree for <paramref name="name"/> alone when it names a command, else every command. Start-up is
    /// most of a small run's time: building only the command asked for keeps the others' libraries (ASP.NET, Orleans,
    /// ScottPlot…) from loading.
    /// </summary>
    private static RootCommand BuildRoot(string? name)
    {
        var root = new RootCommand("Parley: negotiation support for mediated, multi-party talks.");
        var only = Commands.Where(c => c.Name == name).ToList();
        foreach (var (_, create) in only.Count == 1 ? only : [.. Commands])
        {
            root.Subcommands.Add(create());
        }

        return root;
    }

    /// <summary>"parley cluster run" for the command the user typed, so the hint points at its own help.</summary>
    private static string CommandPath(CommandResult command)
    {
        var names = new List<string>();
        for (SymbolResult? r = command; r is CommandResult c && c.Command is not RootCommand; r = c.Parent)
        {
            names.Insert(0, c.Command.Name);
        }

        return string.Join(' ', names.Prepend("parley"));
    }

    public static int Run(string[] args, TextWriter? stdout = null, TextWriter? stderr = null)
    {
        var output = stdout ?? Console.Out;
        var errors = stderr ?? Console.Error;
        var root = BuildRoot(args.Length > 0 ? args[0] : null);
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                errors.WriteLine($"parley: error: {error.Message}");
            }

            errors.WriteLine($"Run '{CommandPath(parse.CommandResult)} --help' for usage.");
            return InvalidInput;
        }

        try
        {
            return parse.Invoke(new InvocationConfiguration { Output = output, Error = errors, EnableDefaultExceptionHandler = false });
        }
        catch (ScenarioException ex)
        {
            foreach (var diagnostic in ex.Diagnostics)
            {
                errors.WriteLine(diagnostic.ToString());
            }

            return InvalidInput;
        }
        catch (UsageException ex)
        {
            errors.WriteLine($"parley: error: {ex.Message}");
            return InvalidInput;
        }
        catch (OperationCanceledException)
        {
            errors.WriteLine("parley: cancelled");
            return InternalFailure;
        }
#pragma warning disable CA1031 // The last line of defence: an internal failure is reported, not thrown at the user.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            errors.WriteLine($"parley: internal error: {ex.GetType().Name}: {ex.Message}");
            errors.WriteLine("This is a bug in Parley; please report it with the input that caused it.");
            if (Environment.GetEnvironmentVariable("PARLEY_DEBUG") == "1")
            {
                errors.WriteLine(ex.ToString());
            }

            return InternalFailure;
        }
    }
}
