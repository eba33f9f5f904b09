using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using Parley.Model;

namespace Parley.Bargaining.Import;

/// <summary>
/// Reads a GENIUS domain (<c>negotiation_template</c> / <c>utility_space</c> with discrete or integer issues) and
/// additive preference profiles. Lenient where GENIUS files are known to be sloppy, each repair reported as a
/// located warning: a missing space between attributes (<c>type="discrete"vtype=…</c>) is inserted; an XML
/// declaration that is not at the very start is ignored; weights that do not sum to 1 are divided by their sum;
/// a discount factor outside (0, 1] means no discount. Utilities are on the 0–1 scale: a discrete value's utility
/// is its evaluation divided by the issue's largest evaluation (GENIUS's rule), an integer value's is
/// clamp(slope·(x − lowerbound) + offset, 0, 1). Non-additive profiles (<c>type="nonlinear"</c>, <c>type="constraint"</c>)
/// and real-valued issues are rejected with a located error.
/// </summary>
public static partial class GeniusXml
{
    /// <summary>Reads a domain and two or more profiles (parties named after the profile files).</summary>
    /// <exception cref="Parley.Scenarios.ScenarioException">A file is malformed or does not fit the domain; the message names file:line:col.</exception>
    public static ImportedDomain Read(SourceText domain, IReadOnlyList<SourceText> profiles)
    {
        ArgumentNullException.ThrowIfNull(domain);
        ArgumentNullException.ThrowIfNull(profiles);
        var log = new ImportErrors();
        var issues = ReadIssues(domain, Parse(domain, log));
        var space = new OutcomeSpace(issues.Select(i => new OutcomeIssue(i.Name, i.Name, i.Values.ToValueList(), i.Values.ToValueList())).ToValueList());
        var parties = profiles.Select(p => ReadProfile(p, Parse(p, log), issues, log)).ToValueList();
        return new ImportedDomain(new UtilityTable(space, parties, new ScoreScale(0, 1)), "genius", log.Warnings.ToValueList());
    }

    /// <summary>True when the text looks like GENIUS XML (used for format detection).</summary>
    public static bool LooksLikeGenius(string text) => text.Contains("<utility_space", StringComparison.Ordinal) || text.Contains("<negotiation_template", StringComparison.Ordinal);

    private static XDocument Parse(SourceText source, ImportErrors log)
    {
        var text = MissingSpace().Replace(source.Text, m =>
        {
            var (line, column) = Position(source.Text, m.Index + m.Length);
            log.Warn(source.File, line, column, "missing space between XML attributes; inserted one");
            return m.Value + " ";
        });
        text = LateDeclaration().Replace(text, m =>
        {
            if (m.Index == 0)
            {
                return m.Value;
            }

            var (line, column) = Position(text, m.Index);
            log.Warn(source.File, line, column, "XML declaration not at the start of the file; ignored");
            return new string(' ', m.Length);
        });
        try
        {
            return XDocument.Parse(text, LoadOptions.SetLineInfo);
        }
        catch (XmlException ex)
        {
            throw ImportErrors.Error(source.File, ex.LineNumber, ex.LinePosition, "malformed XML: " + ex.Message);
        }
    }

    private static List<GeniusIssue> ReadIssues(SourceText source, XDocument doc)
    {
        var space = doc.Descendants("utility_space").FirstOrDefault()
            ?? throw ImportErrors.Error(source.File, 1, 1, "not a GENIUS domain: no <utility_space> element");
        var issues = new List<GeniusIssue>();
        foreach (var e in space.Descendants("issue"))
        {
            var name = Attr(source, e, "name");
            var index = Attr(source, e, "index");
            var etype = ((string?)e.Attribute("etype") ?? (string?)e.Attribute("type") ?? "discrete").ToLowerInvariant();
            switch (etype)
            {
                case "discrete":
                    var values = e.Elements("item").Select(i => Attr(source, i, "value")).ToArray();
                    if (values.Length == 0)
                    {
                        throw Error(source, e, $"issue '{name}' has no <item> values");
                    }

                    if (values.Distinct(StringComparer.Ordinal).Count() != values.Length)
                    {
                        throw Error(source, e, $"issue '{name}' lists a value twice");
                    }

                    issues.Add(new GeniusIssue(index, name, values, null));
                    break;
                case "integer":
                    var lower = Number(source, e, "lowerbound");
                    var upper = Number(source, e, "upperbound");
                    if (upper < lower || upper - lower > 1_000_000 || lower != Math.Floor(lower) || upper != Math.Floor(upper))
                    {
                        throw Error(source, e, $"integer issue '{name}' has bounds {lower}..{upper}; expected integers with lower ≤ upper and at most a million values");
                    }

                    issues.Add(new GeniusIssue(index, name,
                        [.. Enumerable.Range(0, (int)(upper - lower) + 1).Select(v => (lower + v).ToString(CultureInfo.InvariantCulture))], (long)lower));
                    break;
                default:
                    throw Error(source, e, $"issue '{name}' has etype '{etype}'; only discrete and integer issues are supported");
            }
        }

        if (issues.Count == 0)
        {
            throw ImportErrors.Error(source.File, 1, 1, "not a GENIUS domain: no <issue> elements");
        }

        return issues;
    }

    private static PartyUtility ReadProfile(SourceText source, XDocument doc, List<GeniusIssue> issues, ImportErrors log)
    {
        var space = doc.Descendants("utility_space").FirstOrDefault()
            ?? throw ImportErrors.Error(source.File, 1, 1, "not a GENIUS profile: no <utility_space> element");
        var type = (string?)space.Attribute("type");
        if (type is not null && !type.Equals("linear", StringComparison.OrdinalIgnoreCase) && !type.Equals("additive", StringComparison.OrdinalIgnoreCase))
        {
            throw Error(source, space, $"utility space type '{type}' is not additive; only linear additive profiles can be bargained over exactly");
        }

        var objective = space.Descendants("objective").FirstOrDefault() ?? space;
        var weights = new double[issues.Count];
        var contributions = new List<ValueList<double>>();
        for (var k = 0; k < issues.Count; k++)
        {
            var issue = issues[k];
            var element = objective.Descendants("issue").FirstOrDefault(e => (string?)e.Attribute("index") == issue.Index)
                ?? objective.Descendants("issue").FirstOrDefault(e => (string?)e.Attribute("name") == issue.Name)
                ?? throw Error(source, objective, $"profile has no issue '{issue.Name}' (index {issue.Index}) of the domain");
            var weight = objective.Descendants("weight").FirstOrDefault(w => (string?)w.Attribute("index") == issue.Index)
                ?? throw Error(source, element, $"no <weight index=\"{issue.Index}\"> for issue '{issue.Name}'");
            weights[k] = Number(source, weight, "value");
            if (weights[k] < 0)
            {
                throw Error(source, weight, $"weight of issue '{issue.Name}' is negative ({weights[k]})");
            }

            contributions.Add(issue.Lower is { } lower ? IntegerUtilities(source, element, issue, lower) : DiscreteUtilities(source, element, issue, log));
        }

        var sum = weights.Sum();
        if (sum <= 0)
        {
            throw Error(source, objective, "all weights are zero");
        }

        if (Math.Abs(sum - 1) > 1e-9)
        {
            var first = objective.Descendants("weight").First();
            log.Warn(source.File, Line(first), Column(first), $"weights sum to {sum.ToString("R", CultureInfo.InvariantCulture)} (≈ {sum.ToString("0.####", CultureInfo.InvariantCulture)}), not 1; divided by the sum");
        }

        var reservation = 0.0;
        if (space.Descendants("reservation").FirstOrDefault() is { } r)
        {
            reservation = Number(source, r, "value");
        }

        var discount = 1.0;
        if (space.Descendants("discount_factor").FirstOrDefault() is { } d)
        {
            discount = Number(source, d, "value");
            if (discount <= 0 || discount > 1)
            {
                log.Warn(source.File, Line(d), Column(d), $"discount factor {discount} outside (0, 1]; treated as 1 (no discount), as GENIUS does");
                discount = 1;
            }
        }

        var name = Path.GetFileNameWithoutExtension(source.File);
        return new PartyUtility(name, name,
            contributions.Select((c, k) => c.Select(v => weights[k] / sum * v).ToValueList()).ToValueList(),
            reservation, ValueList<RedLine>.Empty, discount);
    }

    private static ValueList<double> DiscreteUtilities(SourceText source, XElement element, GeniusIssue issue, ImportErrors log)
    {
        var evaluations = new double[issue.Values.Length];
        var items = element.Elements("item").ToList();
        for (var o = 0; o < issue.Values.Length; o++)
        {
            var item = items.FirstOrDefault(i => (string?)i.Attribute("value") == issue.Values[o])
                ?? throw Error(source, element, $"issue '{issue.Name}' has no evaluation for value '{issue.Values[o]}'");
            evaluations[o] = Number(source, item, "evaluation");
            if (evaluations[o] < 0)
            {
                throw Error(source, item, $"negative evaluation {evaluations[o]} for '{issue.Values[o]}' of issue '{issue.Name}'");
            }
        }

        var max = evaluations.Max();
        if (max <= 0)
        {
            log.Warn(source.File, Line(element), Column(element), $"every value of issue '{issue.Name}' is evaluated 0; the issue adds nothing");
            return evaluations.Select(_ => 0.0).ToValueList();
        }

        return evaluations.Select(e => e / max).ToValueList();
    }

    private static ValueList<double> IntegerUtilities(SourceText source, XElement element, GeniusIssue issue, long lower)
    {
        var evaluator = element.Element("evaluator") ?? throw Error(source, element, $"integer issue '{issue.Name}' has no <evaluator>");
        var ftype = (string?)evaluator.Attribute("ftype") ?? "linear";
        if (ftype != "linear")
        {
            throw Error(source, evaluator, $"evaluator type '{ftype}' is not supported (only linear)");
        }

        var slope = Number(source, evaluator, "slope");
        var offset = Number(source, evaluator, "offset");
        return Enumerable.Range(0, issue.Values.Length).Select(v => Math.Clamp((slope * v) + offset, 0, 1)).ToValueList();
    }

    private static string Attr(SourceText source, XElement e, string name) =>
        (string?)e.Attribute(name) ?? throw Error(source, e, $"<{e.Name}> lacks the '{name}' attribute");

    private static double Number(SourceText source, XElement e, string name)
    {
        var text = Attr(source, e, name);
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v)
            ? v
            : throw Error(source, e, $"'{name}' of <{e.Name}> is '{text}', not a number");
    }

    private static Parley.Scenarios.ScenarioException Error(SourceText source, XElement e, string message) =>
        ImportErrors.Error(source.File, Line(e), Column(e), message);

    private static int Line(XElement e) => ((IXmlLineInfo)e).LineNumber;

    private static int Column(XElement e) => ((IXmlLineInfo)e).LinePosition;

    private static (int Line, int Column) Position(string text, int index)
    {
        var line = 1;
        var start = 0;
        for (var i = 0; i < index && i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                start = i + 1;
            }
        }

        return (line, index - start + 1);
    }

    [GeneratedRegex("(?<=\\s[A-Za-z_][\\w.-]*=\"[^\"<>]*\")(?=[A-Za-z_][\\w.-]*=\")")]
    private static partial Regex MissingSpace();

    [GeneratedRegex("<\\?xml[^>]*\\?>")]
    private static partial Regex LateDeclaration();

    private sealed record GeniusIssue(string Index, string Name, string[] Values, long? Lower);
}
