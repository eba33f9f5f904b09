using System.CommandLine;
using System.Globalization;
using System.Security.Cryptography;
using Parley.Cli.Infrastructure;
using Parley.Report;
using Spectre.Console;

namespace Parley.Cli.Commands;

/// <summary>
/// <c>parley report SCENARIO.yaml</c>: the mediator's briefing, one self-contained HTML page with
/// every lens's results, and a short summary on the console.
/// </summary>
internal static partial class ReportCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "Scenario file (YAML)." };
        var output = new Option<string>("--output", "-o") { Description = "Where to write the page.", DefaultValueFactory = _ => "briefing.html" };
        var runs = new Option<int>("--runs") { Description = "Simulated runs for the outlook.", DefaultValueFactory = _ => ReportOptions.DefaultRuns };
        var seed = new Option<int>("--seed") { Description = "Seed for everything sampled; same seed, same page.", DefaultValueFactory = _ => ReportOptions.DefaultSeed };
        var by = new Option<string?>("--by") { Description = "Date the outlook asks about (YYYY-MM-DD); default: the focus stage's deadline, as parley simulate picks it, else the last deadline." };
        var format = Output.FormatOption();
        var command = new Command("report", "Write a mediator's briefing (one self-contained HTML page: situation, stability, agreement space, outlook, forecast) and print a short summary.")
        {
            file, output, runs, seed, by, format,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            var options = new ReportOptions(parse.GetValue(runs), parse.GetValue(seed), ParseDate(parse.GetValue(by)));
            if (options.Runs is < 1 or > 10_000_000)
            {
                throw new UsageException($"--runs must be between 1 and 10,000,000 (got {options.Runs.ToString(CultureInfo.InvariantCulture)})");
            }

            var target = Path.GetFullPath(parse.GetValue(output)!);
            if (Path.GetDirectoryName(target) is { } folder && !Directory.Exists(folder))
            {
                // Checked before the lenses run, so a typo in -o costs nothing.
                throw new UsageException($"cannot write {target}: folder {folder} does not exist");
            }

            if (Directory.Exists(target))
            {
                throw new UsageException($"cannot write {target}: it is a folder; give a file name such as {Path.Combine(target, "briefing.html")}");
            }

            var path = parse.GetValue(file)!;
            var scenario = ScenarioFiles.LoadOrThrow(path, stderr);
            var context = ReportContext.For(scenario, path, Sha256(path), options);
            var builders = BriefingBuilder.DefaultSections();
            var briefing = ShowProgress(stderr)
                ? BuildWithProgress(context, builders, cancellationToken)
                : BriefingBuilder.Build(context, builders, null, cancellationToken);

            try
            {
                File.WriteAllText(target, briefing.Html);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new UsageException($"cannot write {target}: {ex.Message}");
            }

            if (parse.GetValue(format) == OutputFormat.Json)
            {
                Output.WriteJson(stdout, BriefingSummary.ToJson(briefing, target));
            }
            else
            {
                WriteSummary(Terminal.For(stdout), briefing, target);
            }

            return Task.FromResult(CliApp.Ok);
        });
        return command;
    }

    private static DateOnly? ParseDate(string? text) =>
        text is null ? null
        : DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date
        : throw new UsageException($"--by: '{text}' is not a date like 2025-09-01");

    private static string Sha256(string path) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));

    /// <summary>A live progress display only where a person watches stderr; never in pipes, logs or tests.</summary>
    private static bool ShowProgress(TextWriter stderr) => ReferenceEquals(stderr, Console.Error) && !Console.IsErrorRedirected;

    private static Briefing BuildWithProgress(ReportContext context, IReadOnlyList<ISectionBuilder> builders, CancellationToken cancellationToken)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        return console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new SpinnerColumn())
            .Start(ctx =>
            {
                var tasks = builders.ToDictionary(b => b.Id, b => ctx.AddTask(b.Title, autoStart: false, maxValue: 1));
                return BriefingBuilder.Build(context, builders, (id, fraction) =>
                {
                    var task = tasks[id];
                    if (!task.IsStarted)
                    {
                        task.StartTask();
                    }

                    task.Value = fraction;
                }, cancellationToken);
            });
    }
}
