using System.Globalization;
using Parley.Model;

namespace Parley.Scenarios.Diff;

/// <summary>Values written the way the scenario file writes them, so a change's before and after read like the YAML.</summary>
internal static class ChangeWords
{
    public static string Num(double x) => x.ToString("R", CultureInfo.InvariantCulture);

    public static string List(IEnumerable<string> items) => "[" + string.Join(", ", items) + "]";

    public static string Nums(IEnumerable<double> items) => List(items.Select(Num));

    public static string Enum<T>(T value) where T : struct, System.Enum => value switch
    {
        DeadlineConsequence.CloseStage => "close-stage",
        _ => value.ToString().ToLowerInvariant(),
    };

    public static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string OrNone(string? s) => string.IsNullOrEmpty(s) ? "none" : s;

    public static string Party(Party p) =>
        $"{p.Name} (roles {List(p.Roles.Select(r => Enum(r)))}, negotiators {List(p.Negotiators)}{(p.Optional ? ", optional" : "")})";

    public static string Issue(Issue i) => $"{i.Name}: {List(i.Options.Select(o => o.Id))}";

    public static string Range(NumericRange? r) => r is null ? "none" : $"{Num(r.Min)}–{Num(r.Max)} step {Num(r.Step)}{(r.Unit.Length > 0 ? " " + r.Unit : "")}";

    public static string Option(IssueOption o) => o.Value is { } v ? $"{o.Name} ({Num(v)})" : o.Name;

    public static string Scores(IssueScores s) => s.Function is { } f
        ? "function " + List(f.Select(p => $"{Num(p.X)}: {Num(p.Score)}"))
        : Nums(s.Values);

    public static string Preferences(PartyPreferences p, Scenario s) =>
        $"weights {{{string.Join(", ", s.Issues.Select((i, k) => $"{i.Id}: {(k < p.Weights.Count ? Num(p.Weights[k]) : "?")}"))}}}, reservation {Num(p.Reservation)}, red lines {List(p.RedLines.Select(r => r.Id))}";

    public static string RedLine(RedLine r) => r.Note.Length > 0 ? $"{r.Rule} ({r.Note})" : r.Rule.ToString();

    public static string Conflict(ConflictSpec c) =>
        $"decision makers {List(c.DecisionMakers.Select(d => d.Id))}, options {List(c.AllOptions.Select(o => o.Id))}";

    public static string DecisionMaker(DecisionMaker d) => $"{d.Name}: options {List(d.Options.Select(o => o.Id))}";

    public static string ConflictPreferences(ConflictPreferences p) => p.Statements is { } st
        ? "statements " + List(st.Select(c => c.ToString()))
        : "ranking " + List((p.Ranking ?? ValueList<ValueList<string>>.Empty).Select(tier => List(tier)));

    public static string ConflictOption(ConflictOption o) => o.Direction == OptionDirection.Both ? o.Name : $"{o.Name} ({Enum(o.Direction)})";

    public static string Process(ProcessSpec p) =>
        $"stages {List(p.Stages.Select(s => s.Id))}, venues {List(p.Venues.Select(v => v.Id))}, deadlines {List(p.Deadlines.Select(d => d.Id))}";

    public static string Stage(Stage s) => $"{s.Name} ({Enum(s.Status)}; participants {List(s.Participants)}; after {List(s.After)})";

    public static string Venue(Venue v) => $"{v.Name} (accepted by {List(v.AcceptedBy)}, rejected by {List(v.RejectedBy)})";

    public static string Deadline(Deadline d) => $"{d.Name}: {Date(d.Date)}, {Enum(d.Consequence)}{(d.Stage is { } st ? ", stage " + st : "")}";

    /// <summary>A raw YAML subtree in flow style.</summary>
    public static string Raw(RawNode? node) => node switch
    {
        null => "none",
        RawScalar s => s.Text,
        RawSequence q => List(q.Items.Select(Raw)),
        RawMapping m => "{" + string.Join(", ", m.Entries.Select(e => $"{e.Key}: {Raw(e.Value)}")) + "}",
        _ => node.ToString(),
    };
}
