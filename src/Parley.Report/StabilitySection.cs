using Parley.Conflict;

namespace Parley.Report;

/// <summary>
/// Stability (conflict lens): equilibria per solution concept, the status quo and where unilateral
/// improvements lead from it, in words and as a small state graph.
/// </summary>
internal sealed class StabilitySection : ISectionBuilder
{
    /// <summary>Equilibria listed per concept before "and N more".</summary>
    public const int MaxListed = 12;

    /// <summary>Above this many reachable states the graph keeps only the shortest paths to where improvements stop.</summary>
    public const int MaxGraphStates = 24;

    public string Id => "stability";

    public string Title => "Stability";

    public ReportSection Build(ReportContext context, IProgress<double> progress, CancellationToken cancellationToken)
    {
        if (context.Scenario.Conflict is not { } spec)
        {
            return LensNote.NoInput(Id, Title, context.Live is null
                ? "The scenario has no conflict: section (decision makers with yes/no options), so there is no standoff to analyse."
                : "The talks keep only the public part of their scenario; its conflict: section (the decision makers' rankings) is not part of them, so the live briefing has no standoff to analyse. parley report on the scenario file shows it.");
        }

        ConflictModel model;
        try
        {
            model = ConflictModelFactory.FromSpec(spec);
        }
        catch (ArgumentException ex)
        {
            return LensNote.Failed(Id, Title, "conflict lens", ex.Message);
        }

        var players = Player.Individuals(model);
        var concepts = StabilityConcept.Standard;
        var result = new StabilityEngine(model, players, SanctionMode.Full).Analyze(concepts, (fraction, _) => progress.Report(fraction * 0.8));
        cancellationToken.ThrowIfCancellationRequested();

        var html = new HtmlWriter();
        var options = model.Options;
        html.Element("p", $"Graph model of the conflict: {Words.Plural(players.Length, "decision maker")} ({Words.List(players.Select(p => p.Name))}) with {Words.Plural(options.Count, "yes/no option")}, {Words.Count(model.StateCount)} feasible states. A state is written as its id and a Y/N code over the options in this order: {string.Join(", ", options.Select((o, k) => $"{k + 1} {o.Id} ({o.Name})"))}.");
        var equilibria = concepts.Select((c, i) => (Concept: c, States: result.Equilibria(i))).ToList();
        html.Table("equilibria", "Equilibria per stability concept (stable for every decision maker; sanctions by any sequence of the others' moves)", ["concept", "count", "equilibria (id code)"],
            equilibria.Select(e => (IReadOnlyList<string>)
                [e.Concept.Title, e.States.Length.ToString(System.Globalization.CultureInfo.InvariantCulture),
                 string.Join(", ", e.States.Take(MaxListed).Select(s => State(model, s))) + (e.States.Length > MaxListed ? $" and {e.States.Length - MaxListed} more" : "")]));
        var nash = equilibria[0].States.ToHashSet();
        if (nash.Count > 0)
        {
            html.Element("p", "The Nash equilibria (no one gains by moving alone) in words:");
            html.Open("ul", ("id", "nash-in-words"));
            foreach (var s in nash.Order().Take(MaxListed))
            {
                html.Element("li", $"{State(model, s)}: {InWords(model, s)}", ("data-state", Attr(s)));
            }

            html.Close("ul");
        }

        var headlines = new List<string> { string.Join(", ", equilibria.Select(e => $"{e.Concept.Title} {e.States.Length}")) + $" equilibria among {Words.Count(model.StateCount)} states" };
        var figures = new List<string>();
        if (model.StatusQuo is { } start)
        {
            var sq = StatusQuoAnalysis.Run(model, players, start);
            html.Element("h3", "From the status quo");
            html.Element("p", $"Status quo: {State(model, start)}, {InWords(model, start)}. {Words.Plural(sq.Reachable.Count - 1, "other state")} can be reached by decision makers' unilateral improvements; improvements stop at {Words.List(sq.Final.Select(f => State(model, f)))}.",
                ("data-status-quo", Attr(start)), ("data-final", string.Join(",", sq.Final.Select(Ordered))));
            html.Open("ol", ("id", "status-quo-paths"));
            foreach (var final in sq.Final.Where(f => f != start))
            {
                var steps = sq.Paths[final];
                var from = start;
                var words = new List<string>();
                foreach (var step in steps)
                {
                    words.Add($"{players[step.Player].Name} {Move(model, from, step.To)} (→ state {Ordered(step.To)})");
                    from = step.To;
                }

                var stable = equilibria.Where(e => e.States.Contains(final)).Select(e => e.Concept.Title).ToList();
                html.Element("li", $"To {State(model, final)} in {Words.Plural(steps.Count, "move")}: {string.Join("; then ", words)}. Stable there under {Words.List(stable, "no concept")}.", ("data-path-to", Attr(final)));
            }

            html.Close("ol");
            html.Figure("state-graph", StateGraphSvg.Render(GraphNodes(model, sq, nash), GraphEdges(model, players, sq)),
                "States reachable from the status quo (blue) by unilateral improvements, one column per move; arrows are labelled with the decision maker who moves. Green: no one improves from there; thick border: Nash equilibrium.");
            figures.Add("state-graph");
            headlines.Add($"from the status quo {State(model, start)} improvements lead to {Words.List(sq.Final.Select(f => State(model, f)))}");
        }
        else
        {
            html.Element("p", "The conflict declares no status quo, so no improvement paths are traced.");
        }

        html.Element("p", $"{context.InputsLine()} The conflict: section's options, feasibility rules and each decision maker's prioritised preference statements; full coalition sanctions.", ("class", "inputs"), ("data-inputs", Id));
        progress.Report(1);
        var data = new
        {
            states = model.StateCount,
            decisionMakers = players.Select(p => p.Name),
            statusQuo = model.StatusQuo is { } q ? Ordered(q) : (int?)null,
            equilibria = equilibria.ToDictionary(e => e.Concept.Key, e => e.States.Select(Ordered)),
        };
        return new ReportSection(Id, Title, SectionStatus.Available, html.ToString(), headlines, figures, data) { Plots = html.Plots };
    }

    private static int Ordered(int state) => ConflictModel.OrderedId(state);

    private static string Attr(int state) => Ordered(state).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string State(ConflictModel model, int state) => $"{Ordered(state)} {model.Code(state)}";

    /// <summary>Which options are taken in a state, by their names.</summary>
    private static string InWords(ConflictModel model, int state)
    {
        var mask = model.Mask(state);
        var taken = model.Options.Select((o, k) => (o, k)).Where(x => ((mask >> x.k) & 1) == 1).Select(x => $"{Owner(model, x.k)} {x.o.Name}").ToList();
        return taken.Count == 0 ? "no option taken" : string.Join("; ", taken);
    }

    /// <summary>The decision maker who controls option <paramref name="k"/> (option names repeat across decision makers).</summary>
    private static string Owner(ConflictModel model, int k) => model.DecisionMakers.FirstOrDefault(d => ((d.Mask >> k) & 1) == 1)?.Id ?? "?";

    private static string Move(ConflictModel model, int from, int to)
    {
        var (a, b) = (model.Mask(from), model.Mask(to));
        return string.Join(" and ", model.Options.Select((o, k) => (o, k)).Where(x => ((a ^ b) >> x.k & 1) == 1)
            .Select(x => ((b >> x.k) & 1) == 1 ? $"takes \"{x.o.Name}\"" : $"withdraws \"{x.o.Name}\""));
    }

    private static List<StateGraphSvg.Node> GraphNodes(ConflictModel model, StatusQuoResult sq, HashSet<int> nash) =>
        [.. Shown(sq).Select(s => new StateGraphSvg.Node(Ordered(s), model.Code(s), sq.Paths[s].Count, s == sq.Start, sq.Final.Contains(s), nash.Contains(s)))];

    private static List<StateGraphSvg.Edge> GraphEdges(ConflictModel model, Player[] players, StatusQuoResult sq)
    {
        var shown = Shown(sq).ToHashSet();
        var checker = new StateChecker(model, players, SanctionMode.Full);
        return [.. shown.Order().SelectMany(x => Enumerable.Range(0, players.Length)
            .SelectMany(p => checker.Improvements(p, x).Where(shown.Contains).Select(y => new StateGraphSvg.Edge(Ordered(x), Ordered(y), players[p].Name))))];
    }

    /// <summary>All reachable states when few; else only those on the shortest paths to where improvements stop.</summary>
    private static IEnumerable<int> Shown(StatusQuoResult sq) => sq.Reachable.Count <= MaxGraphStates
        ? sq.Reachable
        : sq.Final.SelectMany(f => sq.Paths[f].Select(m => m.To).Append(f)).Append(sq.Start).Distinct().Order();
}
