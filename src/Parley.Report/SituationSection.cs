using Parley.Model;

namespace Parley.Report;

/// <summary>
/// The situation, straight from the scenario (no lens): parties and roles, issues and the package
/// space, stages as a dependency graph, deadlines on a timeline, venues, and what is confidential.
/// </summary>
internal sealed class SituationSection : ISectionBuilder
{
    public string Id => "situation";

    public string Title => "Situation";

    public ReportSection Build(ReportContext context, IProgress<double> progress, CancellationToken cancellationToken)
    {
        var s = context.Scenario;
        if (context.Live is { SeesTimeline: false })
        {
            return LensNote.NoInput(Id, Title, "The public sees the talks' title and public statements only: parties, issues, stages, venues, deadlines and negotiators are shown to token holders.");
        }

        var html = new HtmlWriter();
        var figures = new List<string>();
        if (s.Description.Length > 0)
        {
            html.Element("p", s.Description.Trim(), ("class", "lead"));
        }

        html.Table("parties", "Parties and roles", ["id", "party", "roles", "negotiators"], s.Parties.Select(p => (IReadOnlyList<string>)
            [p.Id, p.Name + (p.Optional ? " (optional: off by default in the lenses)" : ""), Words.List(p.Roles.Select(Words.Lower)), Words.List(p.Negotiators)]));

        html.Element("p", $"{Words.Plural(s.Issues.Count, "issue")} on the agenda; one option per issue makes a package, {Words.Count(s.PackageCount)} packages in all.");
        html.Table("issues", "Issues and options", ["id", "issue", "options"], s.Issues.Select(i => (IReadOnlyList<string>)
            [i.Id, i.Name, i.Numeric is { } n
                ? $"{HtmlWriter.Num(n.Min)}–{HtmlWriter.Num(n.Max)} {n.Unit} in steps of {HtmlWriter.Num(n.Step)} ({n.Count} values)"
                : string.Join(" · ", i.Options.Select(o => $"{o.Id} {o.Name}"))]));
        progress.Report(0.3);

        var process = s.Process;
        if (process is { Stages.Count: > 0 })
        {
            html.Element("h3", "Stages");
            html.Element("p", StagesSentence(process));
            html.Figure("stage-graph", StageGraphSvg.Render(process),
                "Stages and their dependencies (an arrow: the lower stage opens only after the upper one succeeded). Fill: green done, yellow open, grey pending, red failed; dashed: the stage at which the mediator joins.");
            figures.Add("stage-graph");
            html.Table("stages", "Stages", ["stage", "description", "after", "participants", "agenda", "success", "status"], process.Stages.Select(st => (IReadOnlyList<string>)
                [st.Id, st.Name, Words.List(st.After), Words.List(st.Participants), Words.List(st.Agenda), st.Success.Length == 0 ? "—" : st.Success, Status(context, st)]));
        }

        var events = TimelineSvg.Events(process, context.By);
        if (process is { Deadlines.Count: > 0 })
        {
            html.Element("h3", "Deadlines");
            html.Figure("deadline-timeline", TimelineSvg.Render(events),
                "Deadlines (red) and the outlook date (blue, dashed) on a calendar axis.");
            figures.Add("deadline-timeline");
            if (context.Live is { } live)
            {
                // The ledger says which deadlines expired (their consequence applied); the scenario file cannot.
                html.Table("deadlines", $"Deadlines as of {Words.Date(live.AsOf)}", ["deadline", "date", "stage", "set by", "when it passes", "status"], process.Deadlines.Select(d => (IReadOnlyList<string>)
                    [$"{d.Id}: {d.Name}", Words.Date(d.Date), d.Stage ?? "—", d.SetBy ?? "—", Words.Lower(d.Consequence) + (d.ConsequenceNote.Length > 0 ? ": " + d.ConsequenceNote : ""),
                     live.Expired.Contains(d.Id) ? "expired" : d.Date < live.AsOf ? "passed (expiry pending)" : "due"]));
            }
            else
            {
                html.Table("deadlines", "Deadlines", ["deadline", "date", "stage", "set by", "when it passes"], process.Deadlines.Select(d => (IReadOnlyList<string>)
                    [$"{d.Id}: {d.Name}", Words.Date(d.Date), d.Stage ?? "—", d.SetBy ?? "—", Words.Lower(d.Consequence) + (d.ConsequenceNote.Length > 0 ? ": " + d.ConsequenceNote : "")]));
            }
        }

        progress.Report(0.7);
        if (process is { Venues.Count: > 0 })
        {
            html.Element("h3", "Venues");
            html.Table("venues", "Venue candidates", ["venue", "accepted by", "rejected by"], process.Venues.Select(v => (IReadOnlyList<string>)
                [$"{v.Id} {v.Name}", Words.List(v.AcceptedBy), Words.List(v.RejectedBy)]));
            foreach (var (stage, venues) in CommonVenues(s, process))
            {
                html.Element("p", venues.Count == 0
                    ? $"No venue is accepted by every participant of {stage.Id} ({Words.List(stage.Participants)})."
                    : $"Accepted by every participant of {stage.Id} ({Words.List(stage.Participants)}) and rejected by none: {Words.List(venues.Select(v => $"{v.Id} {v.Name}"))}.",
                    ("data-common-venues", stage.Id));
            }
        }

        html.Element("h3", "What is confidential");
        var c = process?.Confidentiality ?? Confidentiality.Default;
        // Worded from the talks service's own policy, so the briefing says what the service does.
        html.Open("ul", ("id", "confidentiality"));
        foreach (var line in Parley.Talks.Access.PolicyMatrix.Summary(c))
        {
            html.Element("li", line);
        }

        html.Close("ul");
        var withPrivate = s.Preferences.Select(p => p.PartyId).ToList();
        if (context.Live is { } talks)
        {
            html.Element("p", withPrivate.Count > 0
                    ? $"This briefing is computed from the private data {talks.Caller.Key} may see: {string.Join("; ", talks.Basis)}. Nobody else's private data enter it; handle this page as confidential."
                    : talks.PrivateDataNote ?? "",
                ("class", "warning"), ("data-private-data", string.Join(",", withPrivate)));
        }
        else if (withPrivate.Count > 0)
        {
            html.Element("p", $"This briefing is computed from the private preferences of {Words.List(withPrivate)} as entered in the scenario file (weights, scores, reservation values, red lines). In the talks only each party, and the mediator for what was disclosed to it, may see them: handle this page as confidential.",
                ("class", "warning"), ("data-private-data", string.Join(",", withPrivate)));
        }

        html.Element("p", context.InputsLine(), ("class", "inputs"), ("data-inputs", Id));
        progress.Report(1);

        var mediator = process?.Mediator;
        var headline = $"{Words.Plural(s.Parties.Count, "party", "parties")}{(mediator is null ? "" : $" (mediator {mediator})")}, {Words.Plural(s.Issues.Count, "issue")}, {Words.Count(s.PackageCount)} packages"
            + (process is null ? "" : $", {Words.Plural(process.Stages.Count, "stage")} ({StageCounts(process)}), {Words.Plural(process.Deadlines.Count, "deadline")}");
        var data = new
        {
            parties = s.Parties.Select(p => new { id = p.Id, roles = p.Roles.Select(Words.Lower) }),
            issues = s.Issues.Count,
            packages = s.PackageCount,
            mediator,
            mediatorEntersAt = process?.MediatorEntersAt,
            stages = process?.Stages.Select(st => new { id = st.Id, after = st.After, status = Words.Lower(st.Status) }),
            deadlines = process?.Deadlines.Select(d => new { id = d.Id, date = Words.Date(d.Date), stage = d.Stage }),
        };
        return new ReportSection(Id, Title, SectionStatus.Available, html.ToString(), [headline], figures, data) { Plots = html.Plots };
    }

    /// <summary>A stage's status; in a live briefing with the stall the ledger recorded.</summary>
    private static string Status(ReportContext context, Stage stage) =>
        Words.Lower(stage.Status) + (context.Live?.Stalled.Contains(stage.Id) == true ? ", stalled" : "");

    private static string StagesSentence(ProcessSpec process)
    {
        var current = process.Stages.Where(st => st.Status == StageStatus.Open).Select(st => $"{st.Id} ({st.Name})").ToList();
        var text = $"{Words.Plural(process.Stages.Count, "stage")}: {StageCounts(process)}.";
        if (current.Count > 0)
        {
            text += $" Under way: {string.Join("; ", current)}.";
        }

        if (process.Mediator is not null)
        {
            text += process.MediatorEntersAt is null
                ? $" The mediator, {process.Mediator}, takes part from the start."
                : $" The mediator, {process.Mediator}, joins only at {process.MediatorEntersAt}.";
        }

        return text;
    }

    private static string StageCounts(ProcessSpec process) =>
        string.Join(", ", process.Stages.GroupBy(st => st.Status).OrderBy(g => g.Key).Select(g => $"{g.Count()} {Words.Lower(g.Key)}"));

    /// <summary>For each stage still to come with the venue issue on its agenda, the venues all its participants accept and none rejects.</summary>
    private static IEnumerable<(Stage Stage, List<Venue> Venues)> CommonVenues(Scenario scenario, ProcessSpec process)
    {
        // The venue issue is the one whose option ids are venue ids (the scenario format links them that way).
        var venueIds = process.Venues.Select(v => v.Id).ToHashSet();
        var venueIssues = scenario.Issues.Where(i => i.Options.Any(o => venueIds.Contains(o.Id))).Select(i => i.Id).ToHashSet();
        foreach (var stage in process.Stages.Where(st => st.Status != StageStatus.Done && st.Participants.Count > 0))
        {
            if (stage.Agenda.Any(venueIssues.Contains))
            {
                yield return (stage, process.Venues.Where(v => stage.Participants.All(v.AcceptedBy.Contains) && !stage.Participants.Any(v.RejectedBy.Contains)).ToList());
            }
        }
    }
}
