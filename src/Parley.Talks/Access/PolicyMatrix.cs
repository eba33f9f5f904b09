using System.Globalization;
using System.Text;
using Parley.Model;
using Parley.Scenarios;
using Parley.Talks.Ledger;
using Parley.Talks.ReadModel;

namespace Parley.Talks.Access;

/// <summary>
/// Who sees what, worked out by asking <see cref="VisibilityPolicy"/> itself on a small model talks
/// (parties A and B in a bilateral stage S1, C outside it, mediator M entering at S2; A opened a bidding round in each), so that the
/// matrix in docs/talks.md and the briefing's "What is confidential" cannot drift from the code.
/// </summary>
public static class PolicyMatrix
{
    /// <summary>The item classes of the policy, in the order the docs list them.</summary>
    public static IReadOnlyList<string> Items { get; } =
    [
        "stage contents (proposals, counters, answers and reasons, signatures, withdrawals, agreements to close)",
        "meeting minutes and cancellation reasons",
        "private statement to a stage",
        "private statement to the talks",
        "public statement",
        "position (weights, scores, reservation, red lines)",
        "disclosure",
        "timeline (stages, meetings, venues, deadlines, negotiators)",
        "consent to blind checks (whether, never the data)",
        "blind check over A and B, asked by the mediator",
        "bidding round in a stage and its result",
        "blind bid",
        "single negotiating text of a stage",
        "marks on a single text",
        "token events",
    ];

    /// <summary>The callers, as columns.</summary>
    public static IReadOnlyList<string> Columns { get; } =
    [
        "author / owner",
        "other participant",
        "party not in the stage",
        "mediator before it enters",
        "mediator after entry, earlier stage",
        "mediator after entry, its entry stage or later",
        "observer",
        "organiser",
        "public",
    ];

    /// <summary>The matrix for a policy: "yes", "fact only" (the meeting without its minutes) or "—".</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Cells(Confidentiality policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var before = Model(policy, entered: false);
        var after = Model(policy, entered: true);
        var cells = new List<IReadOnlyList<string>>();
        for (var item = 0; item < Items.Count; item++)
        {
            var row = new List<string>();
            for (var column = 0; column < Columns.Count; column++)
            {
                var (s, caller, stage) = column switch
                {
                    0 => (before, Caller.OfParty("A"), "S1"),
                    1 => (before, Caller.OfParty("B"), "S1"),
                    2 => (before, Caller.OfParty("C"), "S1"),
                    3 => (before, Caller.Mediator, "S1"),
                    4 => (after, Caller.Mediator, "S1"),
                    5 => (after, Caller.Mediator, "S2"),
                    6 => (before, Caller.Observer, "S1"),
                    7 => (before, Caller.Organiser, "S1"),
                    _ => (before, Caller.Public, "S1"),
                };
                row.Add(Cell(s, caller, item, stage, "party:A"));
            }

            cells.Add(row);
        }

        return cells;
    }

    /// <summary>The matrix as a Markdown table.</summary>
    public static string Markdown(Confidentiality policy)
    {
        var cells = Cells(policy);
        var md = new StringBuilder();
        md.Append("| item | ").AppendJoin(" | ", Columns).AppendLine(" |");
        md.Append("|---|").Append(string.Concat(Enumerable.Repeat("---|", Columns.Count))).AppendLine();
        for (var i = 0; i < Items.Count; i++)
        {
            md.Append("| ").Append(Items[i]).Append(" | ").AppendJoin(" | ", cells[i]).AppendLine(" |");
        }

        return md.ToString();
    }

    /// <summary>
    /// One line per item class naming who sees it under the policy, for the briefing
    /// (e.g. "stage contents …: its author, the other participants of the stage, the mediator at stages from its entry on").
    /// </summary>
    public static IReadOnlyList<string> Summary(Confidentiality policy)
    {
        var cells = Cells(policy);
        string[] who =
        [
            "its author",
            "the stage's other participants",
            "parties outside the stage",
            "the mediator before it enters",
            "the mediator at stages before its entry stage",
            "the mediator at its entry stage and after",
            "observers",
            "the organiser",
            "the public",
        ];
        var lines = new List<string>();
        for (var i = 0; i < Items.Count - 1; i++)
        {
            var seen = Enumerable.Range(0, Columns.Count).Where(c => cells[i][c] == "yes").Select(c => who[c]).ToList();
            var facts = Enumerable.Range(0, Columns.Count).Where(c => cells[i][c] == "fact only").Select(c => who[c]).ToList();
            var text = seen.Count == Columns.Count ? "everyone" : string.Join(", ", seen);
            lines.Add(string.Create(CultureInfo.InvariantCulture,
                $"{Capitalised(Items[i])}: {text}{(facts.Count > 0 ? $" (the fact only: {string.Join(", ", facts)})" : "")}."));
        }

        return lines;
    }

    private static string Cell(TalksProjection s, Caller c, int item, string stage, string author)
    {
        var statement = new StatementState("x", "A", "", item == 4, default, item == 2 ? stage : null, author);
        var sees = item switch
        {
            0 => VisibilityPolicy.SeesContents(s, c, stage, author),
            1 => VisibilityPolicy.SeesContents(s, c, stage, author),
            2 or 3 or 4 => VisibilityPolicy.SeesStatement(s, c, statement),
            5 => VisibilityPolicy.SeesPosition(s, c, "A"),
            6 => VisibilityPolicy.SeesDisclosure(s, c, "A"),
            7 => VisibilityPolicy.SeesTimeline(c),
            8 => Sees(s, c, new BlindConsentSet("A", BlindConsent.None), author),
            9 => Sees(s, c, new BlindCheckMade("T.C1", null, ["A", "B"], "nash", new BlindAnswer(false, null, "0", null, null, null, new Dictionary<string, IReadOnlyList<string>>())), Caller.Mediator.Key),
            10 => VisibilityPolicy.SeesRound(s, c, $"{stage}.A.B1"),
            11 => Sees(s, c, new BidSubmitted($"{stage}.A.B1", "A", BidSide.AtLeast, 1, false), author),
            12 => VisibilityPolicy.SeesSingleText(s, c, stage),
            13 => Sees(s, c, new SingleTextMarked(stage, 1, "A", new Dictionary<string, IssueMark>()), author),
            _ => c.Kind == RoleKind.Organiser,
        };
        if (item == 1)
        {
            // Meetings are timeline: who does not see the timeline sees no minutes either.
            return !VisibilityPolicy.SeesTimeline(c) ? "—" : sees ? "yes" : "fact only";
        }

        return sees ? "yes" : "—";
    }

    private static readonly string[] ModelStages = ["S1", "S2"];

    private static bool Sees(TalksProjection s, Caller c, TalksEvent e, string actor) =>
        VisibilityPolicy.Of(s, new StoredEvent(s.Id, s.Version + 1, actor, DateTimeOffset.UnixEpoch, e), c) != VisibilityPolicy.Sight.Hidden;

    /// <summary>The model talks: A, B in S1 (bilateral), C outside, mediator M entering at S2 (after S1; participants A, B, M).</summary>
    private static TalksProjection Model(Confidentiality policy, bool entered)
    {
        string Level(Visibility v) => v.ToString().ToLowerInvariant();
        var yaml = $$"""
            parley: 1
            id: policy-model
            title: Policy model
            parties:
              - {id: A}
              - {id: B}
              - {id: C}
              - {id: M}
            issues:
              - {id: I, options: [{id: I1}, {id: I2}]}
            process:
              mediator: M
              mediator_enters: S2
              stages:
                - {id: S1, participants: [A, B], status: {{(entered ? "done" : "open")}}}
                - {id: S2, participants: [A, B, M], after: [S1], status: {{(entered ? "open" : "pending")}}}
              confidentiality:
                contents: {{Level(policy.Contents)}}
                positions: {{Level(policy.Positions)}}
                statements: {{Level(policy.Statements)}}
                disclosure_to: {{Level(policy.DisclosureTo)}}

            """;
        var scenario = ScenarioLoader.LoadOrThrow(Encoding.UTF8.GetBytes(yaml), "policy-model.yaml");
        // A bidding round A opened in each stage, for the round row.
        var events = Service.TalksService.InitialEvents(scenario).Select(e => (Actor: "system", Event: e))
            .Concat(ModelStages.Select(st => (Actor: "party:A", Event: (TalksEvent)new BidRoundOpened($"{st}.A.B1", st, "x", null, 0, 1, "", ["A", "B"]))));
        return TalksProjection.Replay("policy-model", events.Select((e, i) => new StoredEvent("policy-model", i + 1, e.Actor, DateTimeOffset.UnixEpoch, e.Event)));
    }

    private static string Capitalised(string text) => char.ToUpperInvariant(text[0]) + text[1..];
}
