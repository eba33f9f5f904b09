using Parley.Forecast;
using Parley.Model;

namespace Parley.Report;

/// <summary>
/// Forecast (spatial-politics lens): where the actors' positions converge under KTAB's spatial model
/// of politics, against the compromise baseline, and how robust that is when one actor is left out or
/// the transitions are stochastic.
/// </summary>
internal sealed class ForecastSection : ISectionBuilder
{
    /// <summary>Seeded stochastic runs for the robustness spread (the forecast lens's own default).</summary>
    public const int RobustnessRuns = 20;

    public string Id => "forecast";

    public string Title => "Forecast";

    public ReportSection Build(ReportContext context, IProgress<double> progress, CancellationToken cancellationToken)
    {
        var s = context.Scenario;
        if (s.Forecast is null)
        {
            return LensNote.NoInput(Id, Title, context.Live is null
                ? "The scenario has no forecast: section (actors' capability, positions and salience), so there are no positions to forecast."
                : "The talks keep only the public part of their scenario; its forecast: section (the actors' positions and salience) is not part of them, so the live briefing has no positions to forecast. parley report on the scenario file shows it.");
        }

        var loaded = ForecastSectionReader.Read(s.Forecast, context.ScenarioFile, s.Title);
        if (loaded.Input is not { } input)
        {
            return LensNote.Failed(Id, Title, "forecast lens", string.Join("; ", loaded.Diagnostics.Select(d => d.ToString())));
        }

        var options = new SmpOptions { Seed = unchecked((ulong)context.Options.Seed) };
        var report = RobustnessAnalysis.Run(input, options, RobustnessRuns, cancel: cancellationToken);
        progress.Report(0.8);

        var dims = input.Dimensions;
        var scales = Scales(s.Forecast, dims.Count);
        var outcome = report.BaselineOutcome;
        var all = report.Spread(report.LeaveOneOut.Concat(report.Seeds));
        var compromise = CompromiseModel.Mean(input);
        var html = new HtmlWriter();
        html.Element("p", $"Spatial model of politics (KTAB's SMP with its default options) for {Words.Plural(input.Actors.Count, "actor")} ({Words.List(input.Actors.Select(a => a.Name))}) on {Words.Plural(dims.Count, "dimension")}, positions on a 0–100 scale. "
            + (outcome.Converged
                ? $"After {Words.Plural(outcome.Turns, "turn")} the actors converge: every one is within {HtmlWriter.Num(ForecastOutcome.ConvergenceTolerance)} points of the outcome on every dimension."
                : $"After {Words.Plural(outcome.Turns, "turn")} the actors do not converge: one is still {outcome.Spread:0.#} points from the outcome (converged means within {HtmlWriter.Num(ForecastOutcome.ConvergenceTolerance)})."),
            ("data-converged", outcome.Converged ? "true" : "false"));

        html.Table("forecast-outcome", "Where positions converge: the forecast outcome (capability × salience weighted mean of the final positions) against the compromise baseline, with its range across every robustness run",
            ["dimension", "0 means", "100 means", "compromise (start)", "forecast outcome", "range across runs"],
            dims.Select((d, i) => (IReadOnlyList<string>)
                [d, scales[i].Low, scales[i].High, $"{compromise[i]:0.#}", $"{outcome.Outcome[i]:0.#}", $"{all[i].Min:0.#}–{all[i].Max:0.#}"]));

        var flips = report.LeaveOneOut.Where(v => v.Qualitative).ToList();
        html.Element("h3", "How robust");
        html.Table("forecast-robustness", $"Leaving one actor out: the largest shift of the outcome on any dimension (points), against the baseline over the same actors; qualitative when convergence flips or the shift reaches {HtmlWriter.Num(report.ShiftThreshold)} points",
            ["left out", "largest shift", "converges", "qualitative change"],
            report.LeaveOneOut.Select(v => (IReadOnlyList<string>)
                [v.Dropped ?? v.Label, $"{v.Shift:0.#}", v.Outcome.Converged ? "yes" : "no", v.Qualitative ? "YES" : "no"]));
        var seedShift = report.Seeds.Select(v => v.Shift).DefaultIfEmpty(0).Max();
        var seedFlips = report.Seeds.Count(v => v.Qualitative);
        html.Element("p", $"Across {report.Seeds.Count} runs with stochastic transitions (seeds derived from --seed {context.Options.Seed}), the outcome moves by at most {seedShift:0.#} points; {seedFlips} of them change it qualitatively.", ("data-seed-runs", report.Seeds.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        if (flips.Count > 0)
        {
            html.Element("p", $"The forecast is fragile: leaving out {Words.List(flips.Select(f => f.Dropped ?? f.Label))} changes it qualitatively. Read the outcome as conditional on every actor staying engaged.", ("class", "warning"), ("data-fragile", string.Join(",", flips.Select(f => f.Dropped))));
        }

        html.Figure("forecast-positions", ForecastPlot.Render("forecast-positions", new ForecastPlot.Data(
                dims, [.. input.Actors.Select(a => a.Name)], [.. input.Actors.Select(a => (IReadOnlyList<double>)a.Positions)], outcome.Outcome, all)),
            "Per dimension: each actor's starting position (dots), the forecast outcome (black diamond) and its range across the leave-one-out and stochastic runs (grey bar).");
        html.Element("p", $"{context.InputsLine()} The forecast: section's capabilities, positions and saliences; SMP options {string.Join(", ", options.Describe())}; {RobustnessRuns} stochastic runs.", ("class", "inputs"), ("data-inputs", Id));
        progress.Report(1);

        var headlines = new List<string>
        {
            $"{(outcome.Converged ? "converges" : "does not converge")} after {outcome.Turns} turns: " + string.Join(", ", dims.Select((d, i) => $"{d} {outcome.Outcome[i]:0}")),
        };
        if (flips.Count > 0)
        {
            headlines.Add($"fragile: leaving out {Words.List(flips.Select(f => f.Dropped ?? f.Label))} changes it qualitatively");
        }

        var data = new
        {
            actors = input.Actors.Select(a => a.Name),
            dimensions = dims,
            turns = outcome.Turns,
            converged = outcome.Converged,
            outcome = outcome.Outcome,
            compromise,
            range = all.Select(r => new[] { r.Min, r.Max }),
            leaveOneOut = report.LeaveOneOut.Select(v => new { dropped = v.Dropped, shift = v.Shift, qualitative = v.Qualitative }),
        };
        return new ReportSection(Id, Title, SectionStatus.Available, html.ToString(), headlines, ["forecast-positions"], data) { Plots = html.Plots };
    }

    /// <summary>The low/high labels of each dimension, read from the section as written (the lens keeps only names).</summary>
    private static (string Low, string High)[] Scales(RawNode section, int count)
    {
        var scales = Enumerable.Repeat(("0", "100"), count).ToArray();
        if (section is RawMapping { } map && map["dimensions"] is RawSequence dims)
        {
            for (var i = 0; i < Math.Min(count, dims.Items.Count); i++)
            {
                if (dims.Items[i] is RawMapping d)
                {
                    scales[i] = ((d["low"] as RawScalar)?.Text ?? "0", (d["high"] as RawScalar)?.Text ?? "100");
                }
            }
        }

        return scales;
    }
}
