using System.Globalization;
using System.Xml.Linq;
using Parley.Model;

namespace Parley.Bargaining.Export;

/// <summary>
/// Writes a scenario's issues and parties as a GENIUS domain (<c>ID-domain.xml</c>) and one linear additive utility
/// space per party (<c>PARTY.xml</c>: weights, discrete evaluations, reservation value, discount factor 1), the layout
/// <see cref="Import.GeniusXml"/> reads. Issues are named by id, items by option id (the option's name is the item's
/// description). GENIUS divides each issue's evaluations by their largest; to keep a party's preferences, its weights
/// are scaled by its best value per issue and renormalised, so GENIUS's utility is the 0–1 utility divided by the
/// party's best utility (<c>u/u_max</c>, reservation likewise): an affine change that keeps zone, frontier and solutions.
/// </summary>
internal static class GeniusExport
{
    /// <summary>Builds the files. Pure: nothing is written.</summary>
    /// <exception cref="ArgumentException">See <see cref="ExportModel.From"/>.</exception>
    public static ExportResult Export(Scenario scenario, IReadOnlyList<string>? partyIds = null)
    {
        var model = ExportModel.From(scenario, partyIds);
        var s = model.Scenario;
        var files = new List<ExportedFile> { new(DomainFileName(s, model), Xml(Domain(s))) };
        var notes = new List<string> { Scale(s) };
        foreach (var party in model.Parties)
        {
            var (doc, best) = Profile(s, party);
            files.Add(new(party.Id + ".xml", Xml(doc)));
            notes.Add(best is > 0 and < 1 - 1e-12
                ? $"{party.Id}.xml = {party.Id} ({party.Name}); its best package is worth {ExportLosses.F(best)} on 0–1, so its GENIUS utilities and reservation value are the 0–1 ones divided by {ExportLosses.F(best)}"
                : $"{party.Id}.xml = {party.Id} ({party.Name})");
        }

        var lost = ExportLosses.Bargaining(model, "GENIUS", keepsNumeric: false);
        lost.Add($"issue names ({string.Join("; ", s.Issues.Select(i => $"{i.Id} = {i.Name}"))}): GENIUS issues are named by id here (option names are kept as item descriptions)");
        return new ExportResult("genius", files.ToValueList(), lost.ToValueList(), notes.ToValueList());
    }

    internal static string Scale(Scenario s) =>
        $"scores mapped from the scenario's scale [{ExportLosses.F(s.Scale.Min)}, {ExportLosses.F(s.Scale.Max)}] to 0–1 by (score − {ExportLosses.F(s.Scale.Min)}) / {ExportLosses.F(s.Scale.Max - s.Scale.Min)}; weights divided by their sum";

    private static string DomainFileName(Scenario s, ExportModel model)
    {
        var name = (s.Id.Length > 0 ? s.Id : "scenario") + "-domain.xml";
        return model.Parties.Any(p => p.Id + ".xml" == name) ? "domain-" + name : name;
    }

    private static XDocument Domain(Scenario s) => new(new XElement("negotiation_template",
        new XElement("utility_space", new XAttribute("number_of_issues", s.Issues.Count),
            Objective(s, (issue, k) => issue.Options.Select((o, j) => new XElement("item",
                new XAttribute("index", j + 1), new XAttribute("value", o.Id), new XAttribute("cost", 0), new XAttribute("description", o.Name)))))));

    private static (XDocument Doc, double Best) Profile(Scenario s, ExportParty party)
    {
        var k = s.Issues.Count;
        var tops = party.Values.Select(v => v.Max()).ToArray();
        var best = Enumerable.Range(0, k).Sum(i => party.Weights[i] * tops[i]);
        var weights = best > 0 ? [.. Enumerable.Range(0, k).Select(i => party.Weights[i] * tops[i] / best)] : Enumerable.Repeat(1.0 / k, k).ToArray();
        var objective = Objective(s, (issue, i) => issue.Options.Select((o, j) => new XElement("item",
            new XAttribute("index", j + 1), new XAttribute("value", o.Id),
            new XAttribute("evaluation", R(tops[i] > 0 ? Ratio(party.Scores[i][j] - s.Scale.Min, party.Scores[i].Max() - s.Scale.Min) : best > 0 ? 1 : 0)))));
        objective.Add(weights.Select((w, i) => new XElement("weight", new XAttribute("index", i + 1), new XAttribute("value", R(w)))));
        var doc = new XDocument(new XElement("utility_space",
            objective,
            new XElement("reservation", new XAttribute("value", R(best > 0 ? party.Reservation / best : party.Reservation))),
            new XElement("discount_factor", new XAttribute("value", 1))));
        return (doc, best);
    }

    // (score − min) / (best score − min) straight from the scenario's scores: 30/80 is 0.375, where 0.3/0.8 is 0.37499999999999994.
    private static double Ratio(double a, double b) => b > 0 ? a / b : 0;

    private static XElement Objective(Scenario s, Func<Issue, int, IEnumerable<XElement>> items) =>
        new("objective",
            new XAttribute("index", 0), new XAttribute("etype", "objective"), new XAttribute("type", "objective"),
            new XAttribute("description", s.Title), new XAttribute("name", s.Id),
            s.Issues.Select((issue, i) => new XElement("issue",
                new XAttribute("index", i + 1), new XAttribute("etype", "discrete"), new XAttribute("type", "discrete"),
                new XAttribute("vtype", "discrete"), new XAttribute("name", issue.Id),
                items(issue, i))));

    private static string Xml(XDocument doc) => "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + doc.Root! + "\n";

    private static string R(double v) => v.ToString("R", CultureInfo.InvariantCulture);
}
