using Parley.Negotiation.Simulation;
using Parley.Scenarios;

namespace Parley.Report;

/// <summary>
/// Outlook (negotiation lens): P(each stage reached by the date), P(agreement) over time with its
/// confidence band, and the assumptions that move it most, from simulated staged talks.
/// </summary>
internal sealed class OutlookSection : ISectionBuilder
{
    /// <summary>Runs per setting in the sensitivity table (fewer than <c>parley simulate</c>'s 1,000, to keep the briefing fast).</summary>
    public const int SensitivityRuns = 200;

    /// <summary>Rows of the sensitivity table and agreed packages shown.</summary>
    public const int TopRows = 5;

    public string Id => "outlook";

    public string Title => "Outlook";

    /// <summary>
    /// The date <c>parley simulate</c> asks about by default (<see cref="Negotiation.Simulation.SimulationPlan.DefaultBy"/>);
    /// when the talks cannot be simulated, the scenario's last deadline.
    /// </summary>
    public static DateOnly? DefaultDate(Model.Scenario scenario, string file)
    {
        return Compile(scenario, file, out _) is { } plan
            ? plan.DefaultBy
            : scenario.Process?.Deadlines.Select(d => (DateOnly?)d.Date).Max();
    }

    public ReportSection Build(ReportContext context, IProgress<double> progress, CancellationToken cancellationToken)
    {
        var s = context.Scenario;
        if (s.Process is not { Stages.Count: > 0 })
        {
            return LensNote.NoInput(Id, Title, "The scenario has no process: stages, so there are no talks to simulate.");
        }

        if (Compile(s, context.ScenarioFile, out var problem) is not { } plan || context.By is not { } by)
        {
            return LensNote.Failed(Id, Title, "negotiation lens", problem ?? "no date to ask about");
        }

        var runs = context.Options.Runs;
        var seed = unchecked((ulong)context.Options.Seed);
        var sensitivityRuns = Math.Min(runs, SensitivityRuns);
        var total = runs + (sensitivityRuns * 2.0 * SensitivityKnobs.Factors.Count);
        var threads = Environment.ProcessorCount;
        var tally = StagedForecast.Run(plan, seed, runs, threads, new RunProgress(progress, 0, total), cancel: cancellationToken);
        var report = StagedForecast.Report(plan, tally, by);
        var sensitivity = StagedForecast.Sensitivity(plan, seed, sensitivityRuns, by, threads, new RunProgress(progress, runs, total), cancellationToken);

        var html = new HtmlWriter();
        var date = Words.Date(by);
        html.Open("p", ("data-agreement-by", date), ("data-p", Num(report.Agreement.P)))
            .Element("strong", $"P(agreement by {date}) = {Pct(report.Agreement)}. ")
            .Text($"Agreement means stage {report.AgreementStage} succeeds; {Words.Count(report.Runs)} simulated runs of the staged talks from {Words.Date(report.Start)}, 95% Wilson intervals. Within the {plan.HorizonDays / 7}-week horizon: {Pct(report.AgreementWithinHorizon)}.")
            .Close("p");
        html.Table("stage-outlook", $"Each stage by {date}: P(it opened, e.g. the meeting took place) and P(it succeeded), with 95% intervals, and the share of runs in which the talks ended for good there",
            ["stage", "P(opened)", "P(succeeded)", "talks ended here"],
            report.Stages.Select(st => (IReadOnlyList<string>)[$"{st.Id} {st.Name}", Pct(st.Opened), Pct(st.Succeeded), $"{st.FinallyFailed:0.0%}"]));
        progress.Report(0.95);

        var markers = s.Process!.Deadlines.Select(d => ($"{d.Id} {Words.Date(d.Date)}", d.Date)).Append(($"--by {date}", by)).ToList();
        var curve = new ProbabilityPlot.Curve("P(agreement by date), 95% band",
            [.. report.Curve.Select(c => c.Date)], [.. report.Curve.Select(c => c.Agreement.P)], [.. report.Curve.Select(c => c.Agreement.Low)], [.. report.Curve.Select(c => c.Agreement.High)]);
        html.Figure("agreement-curve", ProbabilityPlot.Render("agreement-curve", [curve], markers),
            "P(agreement by each date) from the simulated runs, with its 95% confidence band; dashed lines: the scenario's deadlines (red) and the outlook date (blue).");

        if (report.TimeToAgreement is { } t)
        {
            html.Element("p", $"Among runs that reached agreement within the horizon, the median is day {t.Median} ({Words.Date(t.MedianDate)}); 10–90%: days {t.P10}–{t.P90}.", ("data-median-date", Words.Date(t.MedianDate)));
        }

        if (report.Packages.Count > 0)
        {
            html.Table("agreed-packages", "Most frequent agreed packages (within the horizon)", ["package", "runs", "share of agreements"],
                report.Packages.Take(TopRows).Select(p => (IReadOnlyList<string>)[p.Package, Words.Count(p.Count), $"{p.Share:0.0%}"]));
        }

        html.Element("h3", "Assumptions that move it most");
        var focus = plan.FocusStage;
        html.Table("assumptions", $"One assumption at a time, at a low and a high setting (same seeds, {Words.Count(sensitivityRuns)} runs each): P(agreement by {date}){(focus is null ? "" : $" and P({focus} opened by {date})")}; largest swing first",
            ["assumption", "low → high", "P(agreement)", focus is null ? "—" : $"P({focus} opened)", "swing"],
            sensitivity.Take(TopRows).Select(r => (IReadOnlyList<string>)
                [r.Factor, $"{r.Low} → {r.High}", $"{r.AgreementLow:0.0%} → {r.AgreementHigh:0.0%}",
                 r.FocusLow is { } lo && r.FocusHigh is { } hi ? $"{lo:0.0%} → {hi:0.0%}" : "—", $"{r.Swing:0.0%}"]));
        html.Element("p", $"{context.InputsLine(withSimulation: true)} The simulation: section's strategies, priors and stage settings{(s.Simulation is null ? " (none declared: the lens's built-in defaults)" : "")}; sensitivity with {Words.Count(sensitivityRuns)} runs per setting.", ("class", "inputs"), ("data-inputs", Id));
        progress.Report(1);

        var headlines = new List<string> { $"P(agreement by {date}) {Pct(report.Agreement)}" };
        if (focus is not null && report.Stages.FirstOrDefault(st => st.Id == focus) is { } f)
        {
            headlines.Add($"P({focus} opened by {date}) {Pct(f.Opened)}");
        }

        if (sensitivity.Count > 0)
        {
            headlines.Add($"moves it most: {sensitivity[0].Factor} (swing {sensitivity[0].Swing:0.0%})");
        }

        var data = new
        {
            by = date,
            runs = report.Runs,
            agreementStage = report.AgreementStage,
            agreement = Json(report.Agreement),
            stages = report.Stages.Select(st => new { id = st.Id, opened = Json(st.Opened), succeeded = Json(st.Succeeded) }),
            sensitivity = sensitivity.Take(TopRows).Select(r => new { factor = r.Factor, swing = r.Swing }),
        };
        return new ReportSection(Id, Title, SectionStatus.Available, html.ToString(), headlines, ["agreement-curve"], data);
    }

    private static SimulationPlan? Compile(Model.Scenario scenario, string file, out string? problem)
    {
        problem = null;
        try
        {
            return SimulationPlan.Compile(scenario, SimulationSpec.Of(scenario, file));
        }
        catch (ArgumentException ex)
        {
            problem = ex.Message;
        }
        catch (ScenarioException ex)
        {
            problem = string.Join("; ", ex.Diagnostics.Select(d => d.ToString()));
        }

        return null;
    }

    private static object Json(Proportion p) => new { p = p.P, low = p.Low, high = p.High };

    private static string Pct(Proportion p) => $"{p.P:0.0%} [{p.Low:0.0%}, {p.High:0.0%}]";

    private static string Num(double value) => value.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Maps runs finished (of one phase) onto the section's [0, 1] progress; called from worker threads, so it only moves forward.</summary>
    private sealed class RunProgress(IProgress<double> section, double offset, double total) : IProgress<long>
    {
        private readonly Lock _gate = new();
        private long _seen;

        public void Report(long value)
        {
            lock (_gate)
            {
                if (value > _seen)
                {
                    _seen = value;
                    section.Report(Math.Min(0.95, (offset + value) / total));
                }
            }
        }
    }
}
