using System.CommandLine;
using System.Globalization;
using Parley.Cli.Infrastructure;
using Parley.Forecast;
using Parley.Scenarios;

namespace Parley.Cli.Commands;

/// <summary>
/// <c>parley forecast FILE</c>: KTAB's spatial model of politics (SMP) on a scenario's <c>forecast:</c> section or a
/// KTAB SMP CSV, with the compromise model as baseline, optional robustness (leave-one-actor-out and seeds) and a plot.
/// </summary>
internal static partial class ForecastCommand
{
    /// <summary>Largest CSV accepted.</summary>
    private const long MaxCsvBytes = 10L * 1024 * 1024;

    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "Scenario YAML with a forecast: section, or a KTAB SMP CSV (*.csv)." };
        var format = Output.FormatOption();
        var plot = new Option<string?>("--plot") { Description = "Write a plot of positions over turns (one panel per dimension) to this .png or .svg file." };
        var seed = new Option<ulong>("--seed") { Description = "Seed for stochastic transitions and robustness runs.", DefaultValueFactory = _ => 0 };
        var digits = new Option<int>("--digits") { Description = "Decimals of positions in the output (1 as in KTAB's logs).", DefaultValueFactory = _ => 1 };
        var robustness = new Option<bool>("--robustness") { Description = "Also run every leave-one-actor-out subset and --runs seeded stochastic runs, and show the spread." };
        var runs = new Option<int>("--runs") { Description = "Seeded stochastic runs for --robustness.", DefaultValueFactory = _ => 20 };
        var threshold = new Option<double>("--shift-threshold") { Description = "A variant whose outcome moves at least this many points (0–100 scale) on a dimension, or whose convergence flips, is a qualitative change.", DefaultValueFactory = _ => 10 };
        var maxTurns = new Option<int>("--max-turns") { Description = "Turn limit (KTAB's).", DefaultValueFactory = _ => 100 };
        var vpm = Enum("--victory-prob-model", VictoryProbModel.Linear, "victory-probability model");
        var vr = Enum("--voting-rule", VotingRule.Prop, "voting rule");
        var pce = Enum("--pce-model", PceModel.Conditional, "probabilistic Condorcet election model");
        var stm = Enum("--state-transitions", StateTransitions.Deterministic, "state transitions");
        var rr = Enum("--big-r-range", BigRRange.Mid, "range of risk attitudes");
        var ra = Enum("--big-r-adjust", BigRAdjust.OneThird, "estimate of others' risk attitudes");
        var tpc = Enum("--third-party-commit", ThirdPartyCommit.SemiCommit, "third-party commitment");
        var ivb = Enum("--inter-vec-bargain", InterVecBargain.S2P2, "bargain interpolation");
        var bm = Enum("--bargain-model", BargainModel.InitOnlyInterp, "bargain model");

        var command = new Command("forecast", "Forecast where positions converge with KTAB's spatial model of politics (SMP); compromise model as baseline.")
        {
            file, format, plot, seed, digits, robustness, runs, threshold, maxTurns, vpm, vr, pce, stm, rr, ra, tpc, ivb, bm,
        };
        command.SetAction((parse, cancel) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var path = parse.GetValue(file)!;
            var input = LoadInput(path, parse.InvocationConfiguration.Error);
            var d = parse.GetValue(digits);
            if (d is < 0 or > 10)
            {
                throw new UsageException("--digits must be between 0 and 10");
            }

            var options = new SmpOptions
            {
                VictoryProbModel = parse.GetValue(vpm),
                VotingRule = parse.GetValue(vr),
                PceModel = parse.GetValue(pce),
                StateTransitions = parse.GetValue(stm),
                BigRRange = parse.GetValue(rr),
                BigRAdjust = parse.GetValue(ra),
                ThirdPartyCommit = parse.GetValue(tpc),
                InterVecBargain = parse.GetValue(ivb),
                BargainModel = parse.GetValue(bm),
                MaxTurns = parse.GetValue(maxTurns) is var mt && mt is >= 1 and <= 10_000 ? mt : throw new UsageException("--max-turns must be between 1 and 10000"),
                Seed = parse.GetValue(seed),
            };
            var plotPath = parse.GetValue(plot);
            if (plotPath is not null && !plotPath.EndsWith(".png", StringComparison.OrdinalIgnoreCase) && !plotPath.EndsWith(".svg", StringComparison.OrdinalIgnoreCase))
            {
                throw new UsageException($"--plot '{plotPath}': the file name must end in .png or .svg");
            }

            var runCount = parse.GetValue(runs);
            if (runCount is < 0 or > 10_000)
            {
                throw new UsageException("--runs must be between 0 and 10000");
            }

            if (parse.GetValue(threshold) is not (> 0 and <= 100))
            {
                throw new UsageException("--shift-threshold must be more than 0 and at most 100 (points on the 0–100 scale)");
            }

            if (!parse.GetValue(robustness) && (parse.GetResult(runs) is { Implicit: false } || parse.GetResult(threshold) is { Implicit: false }))
            {
                throw new UsageException("--runs and --shift-threshold apply only with --robustness");
            }

            ForecastResult result;
            RobustnessReport? report = null;
            if (parse.GetValue(robustness))
            {
                report = RobustnessAnalysis.Run(input, options, runCount, parse.GetValue(threshold), cancel);
                result = report.Baseline;
            }
            else
            {
                result = SmpModel.Run(input, options, cancel);
            }

            if (plotPath is not null)
            {
                SavePlot(result, plotPath);
            }

            if (parse.GetValue(format) == OutputFormat.Json)
            {
                Output.WriteJson(output, ToJson(result, report, d));
            }
            else
            {
                Render(Terminal.For(output), result, report, d);
                if (plotPath is not null)
                {
                    output.WriteLine($"Plot written to {plotPath}");
                }
            }

            return Task.FromResult(CliApp.Ok);
        });
        return command;
    }

    private static Option<T> Enum<T>(string name, T ktabDefault, string what)
        where T : struct, System.Enum =>
        new(name)
        {
            Description = $"KTAB {what}: {string.Join(", ", System.Enum.GetNames<T>())} (default {ktabDefault}, as in KTAB).",
            DefaultValueFactory = _ => ktabDefault,
        };

    /// <summary>Reads a KTAB CSV (by extension) or a scenario's forecast: section; errors carry file:line:col.</summary>
    internal static ForecastInput LoadInput(string path, TextWriter stderr)
    {
        if (!path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
        {
            var scenario = ScenarioFiles.LoadOrThrow(path, stderr);
            if (scenario.Forecast is null)
            {
                throw new ScenarioException([new Diagnostic(Severity.Error, path, 1, 1, "the scenario has no 'forecast:' section (dimensions and actors with capability, position and salience); see docs/forecast.md")]);
            }

            var loaded = ForecastSectionReader.Read(scenario.Forecast, path, scenario.Title);
            return loaded.OrThrow();
        }

        var info = new FileInfo(path);
        if (!info.Exists)
        {
            throw new ScenarioException([new Diagnostic(Severity.Error, path, 1, 1, Directory.Exists(path) ? "is a directory; expected a KTAB SMP CSV file" : "no such file")]);
        }

        if (info.Length > MaxCsvBytes)
        {
            throw new ScenarioException([new Diagnostic(Severity.Error, path, 1, 1, string.Create(CultureInfo.InvariantCulture, $"file is {info.Length / (1024 * 1024.0):0.#} MB; KTAB CSV files are limited to {MaxCsvBytes / (1024 * 1024)} MB"))]);
        }

        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ScenarioException([new Diagnostic(Severity.Error, path, 1, 1, "cannot read: " + ex.Message)]);
        }

        return KtabCsvReader.Read(text, path).OrThrow();
    }
}
