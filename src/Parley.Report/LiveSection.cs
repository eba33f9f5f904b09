using System.Globalization;
using Parley.Model;
using Parley.Talks.Service;

namespace Parley.Report;

/// <summary>
/// A live briefing's first section: where the talks stand as the ledger says and as the caller may see
/// it — stages done, open, stalled or failed, expired deadlines and pressure steps, negotiators appointed,
/// meetings, what private data enter the briefing, the proposals and statements the caller may read.
/// Only in a briefing on live talks (<see cref="ReportContext.Live"/>).
/// </summary>
internal sealed class LiveSection : ISectionBuilder
{
    /// <summary>Statements shown (the latest).</summary>
    public const int MaxStatements = 20;

    /// <summary>Proposals shown (the latest).</summary>
    public const int MaxProposals = 50;

    public string Id => "live";

    public string Title => "Live talks";

    public ReportSection Build(ReportContext context, IProgress<double> progress, CancellationToken cancellationToken)
    {
        var live = context.Live ?? throw new InvalidOperationException("the live section needs live talks");
        var html = new HtmlWriter();
        var headlines = new List<string>();
        html.Element("p", $"As of {Words.Date(live.AsOf)}, the talks {live.TalksId}{(live.Version is { } v ? string.Create(CultureInfo.InvariantCulture, $" at version {v} of your view") : "")}, as {Who(live)} may see them.",
            ("class", "lead"), ("data-as-of", Words.Date(live.AsOf)), ("data-caller", live.Caller.Key));
        html.Open("ul", ("id", "live-basis"), ("class", "warning"), ("data-private-data", string.Join(",", live.Scenario.Preferences.Select(p => p.PartyId))));
        foreach (var line in live.Basis)
        {
            html.Element("li", line);
        }

        if (live.PrivateDataNote is { } note)
        {
            html.Element("li", note, ("data-no-private-data", live.Caller.Key));
        }

        html.Close("ul");
        if (live.SeesTimeline)
        {
            Timeline(html, headlines, live);
        }
        else
        {
            html.Element("p", "The public sees the talks' title and public statements only; the timeline (stages, venues, deadlines, negotiators) is for token holders.");
            headlines.Add("public view: title and public statements only");
        }

        progress.Report(0.6);
        if (live.Proposals.Count > 0)
        {
            html.Table("live-proposals", $"Proposals you may read (stage contents){(live.Proposals.Count > MaxProposals ? $", the latest {MaxProposals}" : "")}",
                ["proposal", "stage", "by", "package", "answers"],
                live.Proposals.Skip(Math.Max(0, live.Proposals.Count - MaxProposals)).Select(p => (IReadOnlyList<string>)
                    [p.Id + (p.CounterTo is null ? "" : $" (counters {p.CounterTo})") + (p.Withdrawn ? " (withdrawn)" : ""), p.Stage ?? "—", p.Party ?? "mediator",
                     string.Join(" ", p.Package.Select(kv => $"{kv.Key}={kv.Value}")) + (p.Note.Length > 0 ? " — " + p.Note : ""),
                     Words.List([.. p.AcceptedBy.Select(x => x + " accepted"), .. p.RejectedBy.Select(x => x + " rejected"), .. p.SignedBy.Select(x => x + " signed")])]));
        }

        var statements = live.Statements.Skip(Math.Max(0, live.Statements.Count - MaxStatements)).ToList();
        html.Element("h3", live.SeesTimeline ? "Statements you may read" : "Public statements");
        if (statements.Count == 0)
        {
            html.Element("p", "No statements yet.", ("class", "muted"));
        }
        else
        {
            html.Open("ul", ("id", "live-statements"));
            foreach (var st in statements)
            {
                html.Element("li", $"{st.Party ?? "mediator"}{(st.Public ? "" : $" (private{(st.Stage is null ? "" : " to " + st.Stage)})")}, {st.At.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)}: {st.Text}");
            }

            html.Close("ul");
        }

        html.Element("p", $"{context.InputsLine()} Every item as the talks' visibility policy shows it to {live.Caller.Key}.", ("class", "inputs"), ("data-inputs", Id));
        progress.Report(1);
        var data = new
        {
            talks = live.TalksId,
            caller = live.Caller.Key,
            version = live.Version,
            asOf = Words.Date(live.AsOf),
            privateData = live.Scenario.Preferences.Select(p => p.PartyId),
            stages = live.Scenario.Process?.Stages.Select(st => new { id = st.Id, status = Words.Lower(st.Status), stalled = live.Stalled.Contains(st.Id) }),
            expired = live.Expired,
            pressureSteps = live.PressureSteps,
        };
        return new ReportSection(Id, Title, SectionStatus.Available, html.ToString(), headlines, [], data);
    }

    private static void Timeline(HtmlWriter html, List<string> headlines, LiveScenario live)
    {
        var process = live.Scenario.Process;
        var stages = process?.Stages ?? ValueList<Stage>.Empty;
        string Ids(StageStatus status) => string.Join(",", stages.Where(st => st.Status == status).Select(st => st.Id));
        string Named(StageStatus status) => Words.List(stages.Where(st => st.Status == status).Select(st => $"{st.Id} ({st.Name})"), "none");
        html.Open("p", ("id", "live-stages"), ("data-done", Ids(StageStatus.Done)), ("data-open", Ids(StageStatus.Open)),
                ("data-stalled", string.Join(",", live.Stalled)), ("data-failed", Ids(StageStatus.Failed)), ("data-pending", Ids(StageStatus.Pending)))
            .Text($"Done: {Named(StageStatus.Done)}. Open: {Named(StageStatus.Open)}. Failed: {Named(StageStatus.Failed)}. ")
            .Text(live.Stalled.Count == 0 ? "Nothing stalled." : $"Stalled until a pressure step: {string.Join("; ", live.Stalled.Select(id => live.StageNotes.TryGetValue(id, out var n) ? $"{id} ({n})" : id))}.")
            .Close("p");
        headlines.Add($"stages done {Words.List(Ids(StageStatus.Done).Split(',', StringSplitOptions.RemoveEmptyEntries), "none")}, open {Words.List(Ids(StageStatus.Open).Split(',', StringSplitOptions.RemoveEmptyEntries), "none")}"
            + (live.Stalled.Count > 0 ? $", stalled {string.Join(", ", live.Stalled)}" : ""));
        var closed = stages.Where(st => st.Status is StageStatus.Done or StageStatus.Failed && live.StageNotes.ContainsKey(st.Id)).ToList();
        if (closed.Count > 0)
        {
            html.Open("ul", ("id", "live-stage-notes"));
            foreach (var st in closed)
            {
                html.Element("li", $"{st.Id} {Words.Lower(st.Status)}: {live.StageNotes[st.Id]}");
            }

            html.Close("ul");
        }

        var deadlines = process?.Deadlines ?? ValueList<Deadline>.Empty;
        html.Open("p", ("id", "live-deadlines"), ("data-expired", string.Join(",", live.Expired)), ("data-pressure-steps", string.Join(",", live.PressureSteps)))
            .Text(live.Expired.Count == 0 ? "No deadline has expired. " : $"Expired: {string.Join("; ", deadlines.Where(d => live.Expired.Contains(d.Id)).Select(d => $"{d.Id} ({Words.Date(d.Date)}, {Words.Lower(d.Consequence)}{(d.ConsequenceNote.Length > 0 ? ": " + d.ConsequenceNote : "")})"))}. ")
            .Text(live.PressureSteps.Count == 0 ? "" : $"Pressure steps so far: {string.Join(", ", live.PressureSteps)}. ")
            .Text(Words.List(deadlines.Where(d => !live.Expired.Contains(d.Id) && d.Date < live.AsOf).Select(d => $"{d.Id} ({Words.Date(d.Date)})"), "") is { Length: > 0 } pending ? $"Passed, expiry not yet recorded: {pending}. " : "")
            .Text(Words.List(deadlines.Where(d => !live.Expired.Contains(d.Id) && d.Date >= live.AsOf).Select(d => $"{d.Id} on {Words.Date(d.Date)}"), "") is { Length: > 0 } next ? $"Still to come: {next}." : "No deadline is still to come.")
            .Close("p");
        if (live.Expired.Count > 0)
        {
            headlines.Add($"expired deadlines: {string.Join(", ", live.Expired)}");
        }

        if (live.Negotiators.Count > 0)
        {
            html.Table("live-negotiators", "Negotiators appointed during the talks", ["party", "negotiator", "role", "appointed"],
                live.Negotiators.Select(n => (IReadOnlyList<string>)[n.Party, n.Name, n.Role.Length == 0 ? "—" : n.Role, n.At.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)]));
        }

        var venues = process?.Venues ?? ValueList<Venue>.Empty;
        html.Element("p", $"Venues: {Words.List(venues.Select(v => $"{v.Id} {v.Name} accepted by {Words.List(v.AcceptedBy, "nobody")}{(v.RejectedBy.Count > 0 ? $", rejected by {Words.List(v.RejectedBy)}" : "")}"), "none proposed")}.",
            ("id", "live-venues"));
        if (live.Meetings.Count > 0)
        {
            html.Table("live-meetings", "Meetings", ["meeting", "stage", "venue", "date", "status", "minutes"],
                live.Meetings.Select(m => (IReadOnlyList<string>)[m.Id, m.Stage, $"{m.Venue} {m.VenueName}", m.Date is { } d ? Words.Date(d) : "—",
                    m.Status.ToString().ToLowerInvariant(), m.Note.Length == 0 ? "—" : m.Note]));
        }
    }

    private static string Who(LiveScenario live) => live.Caller.Party is { } party ? $"the {party} delegation" : $"the {live.Caller.Kind.ToString().ToLowerInvariant()}";
}
