using System.CommandLine;
using System.Globalization;
using System.Security.Cryptography;
using Parley.Cli.Infrastructure;
using Parley.Report;
using Spectre.Console;

namespace Parley.Cli.Commands;

/// <summary>
/// <c>parley report SCENARIO.yaml</c>: the mediator's briefing, one self-contained HTML page with
/// every lens's results, and a short summary on the console. <c>parley report --talks URL --token T</c>
/// fetches the same briefing on live talks from the talks service.
/// </summary>
internal static partial class ReportCommand
{
    public static Command Create()
    {
        var file = new Argument<string?>("file") { Description = "Scenario file (YAML); leave it out with --talks.", Arity = ArgumentArity.ZeroOrOne };
        var output = new Option<string>("--output", "-o", "--out") { Description = "Where to write the page.", DefaultValueFactory = _ => "briefing.html" };
        var runs = new Option<int>("--runs") { Description = "Simulated runs for the outlook.", DefaultValueFactory = _ => ReportOptions.DefaultRuns };
        var seed = new Option<int>("--seed") { Description = "Seed for everything sampled; same seed, same page.", DefaultValueFactory = _ => ReportOptions.DefaultSeed };
        var by = new Option<string?>("--by") { Description = "Date the outlook asks about (YYYY-MM-DD); default: the focus stage's deadline, as parley simulate picks it, else the last deadline." };
        var talks = new Option<string?>("--talks") { Description = "Brief on live talks instead of a file: the talks' API address, http://HOST:PORT/api/talks/ID (the UI's http://HOST:PORT/#/talks/ID works too); the service computes the briefing on what the token may see." };
        var token = new Option<string?>("--token") { Description = $"Bearer token for --talks (default: the {TokenVariable} environment variable); without one, the public's briefing." };
        var format = Output.FormatOption();
        var command = new Command("report", "Write a mediator's briefing (one self-contained HTML page: situation, stability, agreement space, outlook, forecast) and print a short summary; from a scenario file, or from live talks with --talks.")
        {
            file, output, runs, seed, by, talks, token, format,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            var options = new ReportOptions(parse.GetValue(runs), parse.GetValue(seed), parse.GetValue(by) is { } byText ? CliDates.Parse(byText, "--by") : null);
            if (options.Runs is < 1 or > 10_000_000)
            {
                throw new UsageException($"--runs must be between 1 and 10,000,000 (got {options.Runs.ToString(CultureInfo.InvariantCulture)})");
            }

            var path = parse.GetValue(file);
            var address = parse.GetValue(talks);
            if ((path is null) == (address is null))
            {
                throw new UsageException(path is null
                    ? "give a scenario file, or --talks URL for live talks"
                    : "give either a scenario file or --talks, not both");
            }

            var bearer = parse.GetValue(token);
            if (address is null && bearer is not null)
            {
                throw new UsageException("--token goes with --talks");
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

            if (address is not null)
            {
                bearer ??= Environment.GetEnvironmentVariable(TokenVariable);
                return await FromTalksAsync(address, string.IsNullOrWhiteSpace(bearer) ? null : bearer.Trim(), options, target, parse.GetValue(format), stdout, stderr, cancellationToken).ConfigureAwait(false);
            }

            var scenario = ScenarioFiles.LoadOrThrow(path!, stderr);
            var context = ReportContext.For(scenario, path!, Sha256(path!), options);
            var builders = BriefingBuilder.DefaultSections();
            var briefing = ShowProgress(stderr)
                ? BuildWithProgress(context, builders, cancellationToken)
                : BriefingBuilder.Build(context, builders, null, cancellationToken);

            Write(target, briefing.Html);
            if (parse.GetValue(format) == OutputFormat.Json)
            {
                Output.WriteJson(stdout, BriefingSummary.ToJson(briefing, target));
            }
            else
            {
                WriteSummary(Terminal.For(stdout), briefing, target);
            }

            return CliApp.Ok;
        });
        return command;
    }

    private static void Write(string target, string html)
    {
        try
        {
            File.WriteAllText(target, html);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"cannot write {target}: {ex.Message}");
        }
    }

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
