using Parley.Bargaining;
using Parley.Talks.Access;
using ScottPlot;

namespace Parley.Report;

/// <summary>
/// Agreement space (bargaining lens): zone size, fair solutions with each party's gain, the frontier
/// plot; when the zone is empty, the red lines that empty it and the minimal relaxations that reopen it.
/// </summary>
internal sealed class AgreementSection : ISectionBuilder
{
    public string Id => "agreement";

    public string Title => "Agreement space";

    public ReportSection Build(ReportContext context, IProgress<double> progress, CancellationToken cancellationToken)
    {
        var s = context.Scenario;
        var parties = s.Parties.Where(p => !p.Optional && s.PreferencesOf(p.Id) is not null).Select(p => p.Id).ToList();
        if (parties.Count < 2)
        {
            return context.Live switch
            {
                { Caller.Kind: RoleKind.Party } when parties.Count == 1 => OwnPosition(context, parties[0], progress, cancellationToken),
                { } live => LensNote.NoInput(Id, Title, parties.Count == 0
                    ? $"{live.PrivateDataNote} The agreement space needs the preferences of at least two parties."
                    : $"Only {parties[0]} disclosed its weights and scores to the mediator; the agreement space needs the preferences of at least two parties."),
                _ => LensNote.NoInput(Id, Title, "The scenario gives preferences for fewer than two (non-optional) parties, so there is no agreement space to map."),
            };
        }

        BargainingResult result;
        try
        {
            result = BargainingSolver.Solve(s, new BargainingOptions { Parties = parties }, cancellationToken);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException)
        {
            return LensNote.Failed(Id, Title, "bargaining lens", ex.Message);
        }

        progress.Report(0.6);
        var html = new HtmlWriter();
        var headlines = new List<string>();
        var names = string.Join(", ", result.Parties);
        var zone = result.AgreementZone is { } z ? Words.Count(z) : "not counted (space too large)";
        var entered = context.Live is { } talks
            ? $"only the private data this briefing may use ({Words.List(talks.Basis)})"
            : "every red line and reservation value as entered";
        var inputs = $"{context.InputsLine()} Parties {names} (optional parties left out); {entered}; utilities are weighted sums of option scores on the {HtmlWriter.Num(s.Scale.Min)}–{HtmlWriter.Num(s.Scale.Max)} scale.";
        if (result.HasAgreement)
        {
            headlines.Add($"zone: {zone} of {Words.Count(result.Outcomes)} packages acceptable to {names}; Nash package {result.Nash!.Label}");
            html.Element("p", $"{zone} of {Words.Count(result.Outcomes)} packages are acceptable to every party ({names}): each is at or above the party's reservation value and breaks none of its red lines. {result.Pareto.Count} of them are Pareto-efficient.", ("data-zone", result.AgreementZone?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? ""));
            html.Table("solutions", "Fair solutions in the agreement zone: each party's utility, (gain over its reservation value) and [concession from its best package in the zone]",
                ["solution", "package", .. result.Parties],
                result.Solutions.Select(sol => (IReadOnlyList<string>)
                    [FrontierPlot.Name(sol.Kind), sol.Label, .. sol.Parties.Select(p => $"{Utility(p)} [{HtmlWriter.Num(p.Concession)}]")]));
            InWords(html, result, result.Solutions);
        }
        else
        {
            headlines.Add($"zone empty: no package of {Words.Count(result.Outcomes)} is acceptable to all of {names}");
            html.Open("p", ("data-zone", "0")).Element("strong", "The agreement zone is empty. ")
                .Text($"None of the {Words.Count(result.Outcomes)} packages is acceptable to every party ({names}) while each keeps its red lines and reservation value.").Close("p");
            if (result.Diagnosis is { } diagnosis)
            {
                Diagnose(html, headlines, s, result, diagnosis);
            }
        }

        progress.Report(0.8);
        html.Figure("frontier", Projections(result),
            (result.Parties.Count > 2
                ? $"One panel per pair of parties ({result.Parties.Count} parties, so {Pairs(result.Parties).Count} projections; the legend in the first panel holds for all): "
                : $"{result.Parties[0]} against {result.Parties[1]} utility: ")
            + (result.HasAgreement
                ? "every package (grey), the zone's Pareto-efficient packages (blue), the frontier for the two parties of the panel ignoring red lines (black), reservation values (red, dashed) and the fair solutions."
                : "every package (grey), the frontier for the two parties of the panel ignoring red lines (black), reservation values (red, dashed), and where the Nash package would land after each minimal relaxation. No package is acceptable to all."));
        html.Element("p", inputs, ("class", "inputs"), ("data-inputs", Id));
        progress.Report(1);

        var data = BargainingJson.Of(result);
        return new ReportSection(Id, Title, SectionStatus.Available, html.ToString(), headlines, ["frontier"], data) { Plots = html.Plots };
    }

    /// <summary>A party's live briefing: what its own position alone says (the others' positions are private to them).</summary>
    private ReportSection OwnPosition(ReportContext context, string party, IProgress<double> progress, CancellationToken cancellationToken)
    {
        var s = context.Scenario;
        BargainingResult result;
        try
        {
            result = BargainingSolver.Solve(s, new BargainingOptions { Parties = [party] }, cancellationToken);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException)
        {
            return LensNote.Failed(Id, Title, "bargaining lens", ex.Message);
        }

        progress.Report(0.7);
        var prefs = s.PreferencesOf(party)!;
        var html = new HtmlWriter();
        var zone = result.AgreementZone is { } z ? Words.Count(z) : "not counted (space too large)";
        html.Element("p", $"On your own position alone ({party}): {zone} of {Words.Count(result.Outcomes)} packages meet your red lines and your reservation value {HtmlWriter.Num(prefs.Reservation)}.",
            ("data-zone", result.AgreementZone?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? ""), ("data-own-position", party));
        var headlines = new List<string> { $"your position alone: {zone} of {Words.Count(result.Outcomes)} packages acceptable to {party}" };
        if (result.Nash is { } best)
        {
            html.Element("p", $"Your best package: {best.Label}, utility {best.Parties[0].Utility:0.#} (gain {(best.Parties[0].Gain >= 0 ? "+" : "")}{best.Parties[0].Gain:0.#} over your reservation value).", ("data-best", best.Label));
            InWords(html, result, [best]);
            headlines.Add($"your best package {best.Label}");
        }
        else
        {
            html.Open("p", ("data-zone", "0")).Element("strong", "No package meets your red lines and reservation value together. ").Close("p");
            if (result.Diagnosis is { } diagnosis)
            {
                html.Open("ul", ("id", "conflicts"));
                foreach (var conflict in diagnosis.Conflicts)
                {
                    html.Element("li", string.Join(" + ", conflict.Select(item => Explain(s, item))), ("data-conflict", string.Join(",", conflict)));
                }

                html.Close("ul");
            }
        }

        html.Element("h3", "Your red lines");
        html.Open("ul", ("id", "own-red-lines"));
        foreach (var line in prefs.RedLines)
        {
            html.Element("li", $"{line.Id}: {line.Rule}{(line.Note.Length > 0 ? " — " + line.Note : "")}", ("data-red-line", line.Id));
        }

        html.Close("ul");
        html.Element("p", "The agreement space of the talks needs at least two parties' preferences; the others' positions are private to them, so this briefing cannot map it (the mediator's briefing does, on what parties disclosed to it).", ("class", "muted"));
        html.Element("p", $"{context.InputsLine()} Your own position as submitted (weights, scores, reservation value, red lines); utilities are weighted sums of option scores on the {HtmlWriter.Num(s.Scale.Min)}–{HtmlWriter.Num(s.Scale.Max)} scale.", ("class", "inputs"), ("data-inputs", Id));
        progress.Report(1);
        var data = BargainingJson.Of(result);
        return new ReportSection(Id, Title, SectionStatus.Available, html.ToString(), headlines, [], data) { Plots = html.Plots };
    }

    private static void Diagnose(HtmlWriter html, List<string> headlines, Model.Scenario scenario, BargainingResult result, Diagnosis diagnosis)
    {
        html.Element("h3", "What empties it");
        if (diagnosis.RedLinesAloneIncompatible)
        {
            html.Element("p", "The red lines alone exclude every package, whatever the reservation values.");
        }

        html.Element("p", "Minimal sets of constraints that no package meets together; to reopen the zone, at least one member of every set has to give:");
        html.Open("ul", ("id", "conflicts"));
        foreach (var conflict in diagnosis.Conflicts)
        {
            html.Open("li", ("data-conflict", string.Join(",", conflict))).Text(string.Join(" + ", conflict)).Open("ul");
            foreach (var item in conflict)
            {
                html.Element("li", Explain(scenario, item));
            }

            html.Close("ul").Close("li");
        }

        html.Close("ul");
        html.Element("h3", "What reopens it");
        if (diagnosis.Relaxations.Count == 0)
        {
            html.Element("p", $"No set of up to {diagnosis.MaxSetSize} red lines reopens the zone when dropped.");
        }
        else
        {
            html.Element("p", $"The smallest sets of red lines whose dropping reopens the zone (searched up to {diagnosis.MaxSetSize} at a time; reservation values kept), with the Nash package of the reopened zone:");
            RelaxationTable(html, result, diagnosis);
            InWords(html, result, diagnosis.Relaxations.Select(r => r.Nash).OfType<Solution>());
            var singles = diagnosis.Relaxations.Where(r => r.Drop.Count == 1).Select(r => r.Drop[0]).ToList();
            headlines.Add(singles.Count > 0
                ? $"dropping one red line reopens it only for {string.Join(" or ", singles)}"
                : $"no single red line reopens it; smallest relaxation drops {diagnosis.Relaxations[0].Drop.Count}");
        }

        if (diagnosis.ReservationCuts.Count > 0)
        {
            html.Table("reservation-cuts", "Smallest reservation cuts that reopen the zone with every red line kept", ["who lowers", "by", "zone", "Nash package"],
                diagnosis.ReservationCuts.Select(c => (IReadOnlyList<string>)
                    [c.Uniform ? "every party equally" : string.Join(", ", c.Parties), string.Join(", ", c.Cuts.Select(v => HtmlWriter.Num(v))),
                     c.AgreementZone is { } n ? Words.Count(n) : "not counted", c.Nash?.Label ?? "—"]));
        }
        else if (diagnosis.RedLinesAloneIncompatible)
        {
            html.Element("p", "No cut of reservation values can reopen the zone while the red lines stand.");
        }
    }

    /// <summary>A red line (its party, rule and note) or a reservation value, in words.</summary>
    private static string Explain(Model.Scenario scenario, string item)
    {
        if (item.EndsWith(":reservation", StringComparison.Ordinal))
        {
            var party = item[..^":reservation".Length];
            return $"{item}: {party}'s reservation value {HtmlWriter.Num(scenario.PreferencesOf(party)?.Reservation ?? double.NaN)}";
        }

        foreach (var prefs in scenario.Preferences)
        {
            if (prefs.RedLines.FirstOrDefault(r => r.Id == item) is { } line)
            {
                return $"{item} ({prefs.PartyId}): {line.Rule}{(line.Note.Length > 0 ? " — " + line.Note : "")}";
            }
        }

        return item;
    }

    /// <summary>Each distinct package of the tables spelled out with option names, so the ids need no lookup.</summary>
    private static void InWords(HtmlWriter html, BargainingResult result, IEnumerable<Solution> solutions)
    {
        html.Open("dl", ("class", "packages"));
        foreach (var solution in solutions.DistinctBy(sol => sol.Label))
        {
            var space = result.Table.Space;
            var words = space.Issues.Select((issue, k) => $"{issue.Name}: {issue.OptionNames[solution.Outcome.Package[k]]}");
            html.Element("dt", solution.Label).Element("dd", string.Join("; ", words));
        }

        html.Close("dl");
    }

    private static void RelaxationTable(HtmlWriter html, BargainingResult result, Diagnosis diagnosis)
    {
        html.Table("relaxations", "Minimal relaxations: red lines dropped, size of the reopened zone, its Nash package and each party's utility (gain)",
            ["drop", "zone", "Nash package", .. result.Parties],
            diagnosis.Relaxations.Select(r => (IReadOnlyList<string>)
                [string.Join(" + ", r.Drop), r.AgreementZone is { } n ? Words.Count(n) : "not counted", r.Nash?.Label ?? "—",
                 .. result.Parties.Select((_, i) => r.Nash is { } nash ? Utility(nash.Parties[i]) : "—")]));
    }

    private static string Utility(PartyOutcome p) => $"{p.Utility:0.#} ({(p.Gain >= 0 ? "+" : "")}{p.Gain:0.#})";

    /// <summary>Every pair of parties, in the order of <c>parley bargain --plot</c>'s grid.</summary>
    private static List<(string X, string Y)> Pairs(IReadOnlyList<string> parties) =>
        [.. FrontierPlot.Pairs(parties.Count).Select(p => (parties[p.X], parties[p.Y]))];

    /// <summary>
    /// The frontier plot for two parties; for more, the pairwise projections as a grid (as <c>parley bargain --plot</c>
    /// draws them), each panel its own inline SVG with ids prefixed <c>frontier-X-Y</c> and a <c>data-pair</c> attribute.
    /// </summary>
    private static string Projections(BargainingResult result)
    {
        var pairs = Pairs(result.Parties);
        if (pairs.Count == 1)
        {
            return FrontierPlot.Render("frontier", FrontierPlot.DataFor(result, pairs[0].X, pairs[0].Y));
        }

        var html = new HtmlWriter();
        html.Open("div", ("class", "projections"));
        foreach (var ((x, y), i) in pairs.Select((p, i) => (p, i)))
        {
            var id = $"frontier-{x}-{y}";
            html.Open("div", ("class", "projection"), ("id", id), ("data-pair", $"{x},{y}"))
                .Raw(FrontierPlot.Render(id, FrontierPlot.DataFor(result, x, y), 560, 440, legend: i == 0, FrontierPlot.MaxCloudPoints / 2))
                .Close("div");
        }

        return html.Close("div").ToString();
    }
}
