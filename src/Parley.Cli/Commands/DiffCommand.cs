using System.CommandLine;
using System.Globalization;
using Parley.Cli.Infrastructure;
using Parley.Report.Diff;
using Spectre.Console;

namespace Parley.Cli.Commands;

/// <summary>
/// <c>parley diff OLD NEW</c>: what changed between two versions of a scenario (parties, red lines, stages, deadlines,
/// venues…) and which findings moved (equilibria, agreement zone, Nash package, P(stage by date), forecast), with the
/// change that moved each most. The library behind it is <see cref="SituationDiff"/>; the JSON is <see cref="SituationDiffJson"/>'s.
/// </summary>
internal static partial class DiffCommand
{
    public static Command Create()
    {
        var oldFile = new Argument<string>("old") { Description = "The older version of the scenario (YAML)." };
        var newFile = new Argument<string>("new") { Description = "The newer version." };
        ScenarioFiles.RejectOptionLikeValues(oldFile);
        ScenarioFiles.RejectOptionLikeValues(newFile);
        var runs = new Option<int>("--runs") { Description = "Simulated runs for each outlook (as parley report).", DefaultValueFactory = _ => DiffOptions.Default.Runs };
        var seed = new Option<int>("--seed") { Description = "Seed for everything sampled; same seed, same diff.", DefaultValueFactory = _ => DiffOptions.Default.Seed };
        var by = new Option<string?>("--by") { Description = "Outlook date for both versions (YYYY-MM-DD); default: each version's own (its focus stage's deadline)." };
        var format = Output.FormatOption();
        var command = new Command("diff", "Compare two versions of a scenario: what changed, which findings moved, and the change that moved each most.")
        {
            oldFile, newFile, runs, seed, by, format,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            var n = parse.GetValue(runs);
            if (n is < 1 or > 10_000_000)
            {
                throw new UsageException($"--runs must be between 1 and 10,000,000 (got {n.ToString(CultureInfo.InvariantCulture)})");
            }

            var (oldPath, newPath) = (parse.GetValue(oldFile)!, parse.GetValue(newFile)!);
            var old = ScenarioFiles.LoadOrThrow(oldPath, stderr);
            var @new = ScenarioFiles.LoadOrThrow(newPath, stderr);
            var options = new DiffOptions
            {
                Runs = n,
                Seed = parse.GetValue(seed),
                By = parse.GetValue(by) is { } b ? CliDates.Parse(b, "--by") : null,
                OldName = Path.GetFileName(oldPath),
                NewName = Path.GetFileName(newPath),
            };
            var result = WithProgress(stderr, options, o => SituationDiff.Compare(old, @new, o, cancellationToken));
            if (parse.GetValue(format) == OutputFormat.Json)
            {
                stdout.WriteLine(SituationDiffJson.Serialize(result));
            }
            else
            {
                Render(Terminal.For(stdout), result);
            }

            return Task.FromResult(CliApp.Ok);
        });
        return command;
    }

    /// <summary>A progress bar on stderr where a person watches it (the same rule as parley report); never in pipes or tests.</summary>
    private static SituationDiffResult WithProgress(TextWriter stderr, DiffOptions options, Func<DiffOptions, SituationDiffResult> work)
    {
        if (!ReferenceEquals(stderr, Console.Error) || Console.IsErrorRedirected)
        {
            return work(options);
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        SituationDiffResult result = null!;
        console.Progress().AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new SpinnerColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask("diff", maxValue: 1);
                result = work(options with
                {
                    Progress = (what, fraction) =>
                    {
                        task.Description = Markup.Escape(what);
                        task.Value = fraction;
                    },
                });
            });
        return result;
    }
}
