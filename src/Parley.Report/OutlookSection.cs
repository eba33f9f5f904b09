using Parley.Model;
using Parley.Negotiation.Simulation;
using Parley.Scenarios;
using Parley.Talks.Access;
using Parley.Talks.Service;

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

    /// <summary>The rows the briefing prints: the largest swings, and every deadline's row wherever it ranks (what moving a deadline does is a question of its own).</summary>
    private static IEnumerable<SensitivityRow> Shown(IReadOnlyList<SensitivityRow> rows) =>
        rows.Where((r, i) => i < TopRows || SensitivityKnobs.IsDeadlineFactor(r.Factor));

    public string Id => "outlook";

    public string Title => "Outlook";

    /// <summary>
    /// The date <c>parley simulate</c> asks about by default (<see cref="Negotiation.Simulation.SimulationPlan.DefaultBy"/>);
    /// when the talks cannot be simulated, the scenario's last deadline. With <paramref name="start"/> (a live
    /// briefing) the simulation starts that day, and the fallback is its first deadline from then on, else 90 days on.
    /// </summary>
    public static DateOnly? DefaultDate(Model.Scenario scenario, string file, DateOnly? start = null)
    {
        if (Compile(scenario, file, start, out _) is { } plan)
        {
            return plan.DefaultBy;
        }

        return start is { } day0
            ? scenario.Process?.Deadlines.Where(d => d.Date >= day0).Select(d => (DateOnly?)d.Date).Min() ?? day0.AddDays(90)
            : scenario.Process?.Deadlines.Select(d => (DateOnly?)d.Date).Max();
    }

    public ReportSection Build(ReportContext context, IProgress<double> progress, CancellationToken cancellationToken)
    {
        var s = context.Scenario;
        if (context.Live is { } live && LiveShortfall(live) is { } missing)
        {
            return LensNote.NoInput(Id, Title, missing);
        }

        if (s.Process is not { Stages.Count: > 0 })
        {
            return LensNote.NoInput(Id, Title, "The scenario has no process: stages, so there are no talks to simulate.");
        }

        if (Compile(s, context.ScenarioFile, context.Start, out var problem) is not { } plan || context.By is not { } by)
        {
            return LensNote.Failed(Id, Title, "negotiation lens", problem ?? "no date to ask about");
        }

        if (context.Live is { } blockedTalks && FailedBefore(s.Process, plan.AgreementStage) is { Count: > 0 } failed)
        {
            return Blocked(context, blockedTalks, plan, by, failed);
        }

        var runs = context.Options.Runs;
        var seed = unchecked((ulong)context.Options.Seed);
        var sensitivityRuns = Math.Min(runs, SensitivityRuns);
        var total = runs + (sensitivityRuns * 2.0 * SensitivityKnobs.FactorsFor(plan).Count);
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
        if (context.Live is { } talks)
        {
            LiveNotes(html, talks, plan);
        }

        html.Table("stage-outlook", $"Each stage by {date}: P(it opened, e.g. the meeting took place) and P(it succeeded), with 95% intervals, and the share of runs in which the talks ended for good there",
            ["stage", "P(opened)", "P(succeeded)", "talks ended here"],
            report.Stages.Select(st => (IReadOnlyList<string>)[$"{st.Id} {st.Name}", Pct(st.Opened), Pct(st.Succeeded), $"{st.FinallyFailed:0.0%}"]));
        progress.Report(0.95);

        // A live briefing starts today: deadlines already passed are not on its axis.
        var markers = s.Process!.Deadlines.Where(d => context.Live is null || d.Date >= plan.Start)
            .Select(d => ($"{d.Id} {Words.Date(d.Date)}", d.Date)).Append(($"--by {date}", by)).ToList();
        html.Figure("agreement-curve", ProbabilityPlot.Render("agreement-curve", ProbabilityPlot.Curves(report), markers),
            $"P(agreement by each date){(report.FocusStage is { } singled ? $" and P({singled} opened by each date)" : "")} from the simulated runs, with 95% confidence bands; dashed lines: the scenario's deadlines (red) and the outlook date (blue).");

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
            Shown(sensitivity).Select(r => (IReadOnlyList<string>)
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
            focus = report.FocusStage,
            agreement = Json(report.Agreement),
            stages = report.Stages.Select(st => new { id = st.Id, opened = Json(st.Opened), succeeded = Json(st.Succeeded) }),
            curve = report.Curve.Select(c => new { date = Words.Date(c.Date), agreement = Json(c.Agreement), opened = report.Stages.Select((st, i) => new { id = st.Id, p = c.Opened[i].P }) }),
            sensitivity = sensitivity.Take(TopRows).Select(r => new { factor = r.Factor, swing = r.Swing }),
        };
        return new ReportSection(Id, Title, SectionStatus.Available, html.ToString(), headlines, ["agreement-curve"], data) { Plots = html.Plots };
    }

    /// <summary>Why a live briefing has no outlook (fewer than two parties' preferences may be used), or null.</summary>
    private static string? LiveShortfall(LiveScenario live)
    {
        var parties = live.Scenario.Preferences.Select(p => p.PartyId).ToList();
        if (parties.Count >= 2)
        {
            return null;
        }

        const string needs = "The outlook simulates the talks among the parties at each table, so it needs the preferences of at least two of them.";
        return live.Caller.Kind switch
        {
            _ when parties.Count == 0 => $"{needs} {live.PrivateDataNote}",
            RoleKind.Party => $"{needs} A party's briefing uses only its own position ({parties[0]}): the others' are private to them.",
            _ => $"{needs} Only {parties[0]} disclosed its weights and scores to the mediator.",
        };
    }

    /// <summary>The failed stages among <paramref name="stage"/> and every stage it comes after (through <c>after</c>), in declaration order.</summary>
    private static List<string> FailedBefore(ProcessSpec process, string stage)
    {
        var needed = new HashSet<string>(StringComparer.Ordinal);
        var todo = new Stack<string>([stage]);
        while (todo.TryPop(out var next))
        {
            if (needed.Add(next) && process.FindStage(next) is { } st)
            {
                foreach (var before in st.After)
                {
                    todo.Push(before);
                }
            }
        }

        return [.. process.Stages.Where(st => st.Status == StageStatus.Failed && needed.Contains(st.Id)).Select(st => st.Id)];
    }

    /// <summary>
    /// A live outlook whose agreement stage can no longer open: a stage it needs failed, and under the talks'
    /// rules (stage-order) a stage opens only once every stage before it is done. Nothing to simulate.
    /// </summary>
    private ReportSection Blocked(ReportContext context, LiveScenario live, SimulationPlan plan, DateOnly by, IReadOnlyList<string> failed)
    {
        var html = new HtmlWriter();
        var date = Words.Date(by);
        html.Open("p", ("data-agreement-by", date), ("data-p", "0"), ("data-blocked-by", string.Join(",", failed)))
            .Element("strong", $"P(agreement by {date}) = 0. ")
            .Text($"Agreement means stage {plan.AgreementStage} succeeds, and it comes after {Words.List(failed)}, which failed in the talks: under the talks' rules a stage opens only once every stage before it is done, so it cannot open. Nothing is simulated.")
            .Close("p");
        LiveNotes(html, live, plan);
        html.Element("p", context.InputsLine(withSimulation: true), ("class", "inputs"), ("data-inputs", Id));
        var data = new { by = date, runs = 0, agreementStage = plan.AgreementStage, agreement = new { p = 0.0, low = 0.0, high = 0.0 }, blockedBy = failed };
        return new ReportSection(Id, Title, SectionStatus.Available, html.ToString(),
            [$"P(agreement by {date}) 0: {Words.List(failed)} failed, {plan.AgreementStage} cannot open"], [], data) { Plots = html.Plots };
    }

    /// <summary>What the live outlook starts from and leaves out.</summary>
    private static void LiveNotes(HtmlWriter html, LiveScenario live, SimulationPlan plan)
    {
        var known = live.Scenario.Preferences.Select(p => p.PartyId).ToHashSet(StringComparer.Ordinal);
        var stages = live.Scenario.Process!.Stages;
        html.Open("ul", ("id", "outlook-live"), ("class", "live-notes"));
        html.Element("li", $"Restarted from the live talks: day 0 is {Words.Date(plan.Start)}; stages as the ledger says ({string.Join(", ", stages.Select(st => $"{st.Id} {Words.Lower(st.Status)}"))}); deadlines already passed are not simulated.",
            ("data-start", Words.Date(plan.Start)));
        if (live.Stalled.Count > 0)
        {
            html.Element("li", $"Stalled now: {string.Join("; ", live.Stalled.Select(id => live.StageNotes.TryGetValue(id, out var note) ? $"{id} ({note})" : id))}. The simulation cannot start inside a stall: it runs these stages as if the stall were lifted.",
                ("data-stalled", string.Join(",", live.Stalled)));
        }

        var missing = stages.Where(st => st.Status is not StageStatus.Done).SelectMany(st => st.Participants.Where(p => !known.Contains(p)).Select(p => (Party: p, Stage: st.Id)))
            .GroupBy(x => x.Party).Select(g => $"{g.Key} ({string.Join(", ", g.Select(x => x.Stage))})").ToList();
        if (missing.Count > 0)
        {
            html.Element("li", $"Left out of the tables, since this briefing may not use their preferences: {string.Join("; ", missing)}. Their moves are not simulated.", ("data-left-out", string.Join(",", missing.Select(m => m.Split(' ')[0]))));
        }

        html.Element("li", $"The talks keep no simulation: section (it holds the parties' strategies), so the negotiation lens's built-in defaults apply; preferences: {Words.List(live.Basis)}.");
        html.Close("ul");
    }

    private static SimulationPlan? Compile(Model.Scenario scenario, string file, DateOnly? start, out string? problem)
    {
        problem = null;
        try
        {
            return SimulationPlan.Compile(scenario, SimulationSpec.Of(scenario, file), start);
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
