using System.Globalization;
using Parley.Model;

namespace Parley.Scenarios;

/// <summary>
/// Maps the YAML tree onto the model, collecting every error with its location instead of stopping
/// at the first. Each <c>Read*</c> method returns a best-effort value so that later checks still run.
/// </summary>
internal sealed partial class ScenarioReader(string file, List<Diagnostic> diagnostics)
{
    private static readonly string[] TopKeys =
        ["parley", "id", "title", "description", "scale", "parties", "issues", "preferences", "conflict", "process", "simulation", "forecast"];

    private readonly Dictionary<string, RawNode> _optionSites = new(StringComparer.Ordinal);

    /// <summary>Most options a numeric issue may expand to.</summary>
    private const int MaxNumericOptions = 100_000;

    public Scenario ReadScenario(RawNode root)
    {
        if (root is not RawMapping map)
        {
            Error(root, $"expected a scenario mapping (parley: 1, id:, parties:, issues:, …), found {root.Kind}");
            return Empty();
        }

        if (map["parley"] is null && map.Keys.FirstOrDefault(k => k.Text == "tournament") is { } tournament)
        {
            // A tournament configuration, not a scenario: one clear error beats a dozen unknown keys.
            Error(tournament, "this is a tournament configuration ('tournament:'), not a scenario; run it with 'parley tournament FILE'");
            return Empty();
        }

        CheckKeys(map, TopKeys, "scenario");
        var version = map["parley"];
        if (version is null)
        {
            Error(map, "missing 'parley: 1' (the scenario format version)");
        }
        else if (Text(version) != "1")
        {
            Error(version, $"unsupported scenario format version '{Truncate(Text(version))}'; this Parley reads version 1");
        }

        var id = RequiredText(map, "id", "scenario");
        if (map["id"] is RawScalar idNode && id.Length > 0)
        {
            CheckId(idNode, "scenario");
        }

        var title = OptionalText(map, "title") ?? id;
        var description = OptionalText(map, "description") ?? "";
        var scale = ReadScale(map["scale"]);
        var parties = ReadParties(map["parties"], map);
        var issues = ReadIssues(map["issues"], map);
        var preferences = ReadPreferences(map["preferences"], parties, issues, scale);
        var conflict = map["conflict"] is { } c ? ReadConflict(c, parties) : null;
        var process = map["process"] is { } p ? ReadProcess(p, parties, issues) : null;
        var simulation = map["simulation"] is { } s ? Negotiation.Simulation.SimulationSpec.Validate(s, file, parties, process, preferences, diagnostics) : null;
        var forecast = map["forecast"] is { } f ? Forecast.ForecastSectionReader.Validate(f, file, diagnostics, issues.Select(i => i.Id).ToList()) : null;
        return new Scenario(id, title, description, scale, parties, issues, preferences, conflict, process, simulation, forecast);
    }

    private static Scenario Empty() => new("", "", "", ScoreScale.Default, ValueList<Party>.Empty, ValueList<Issue>.Empty,
        ValueList<PartyPreferences>.Empty, null, null, null, null);

    private ScoreScale ReadScale(RawNode? node)
    {
        if (node is null)
        {
            return ScoreScale.Default;
        }

        if (node is RawSequence { Items.Count: 2 } seq && TryNumber(seq.Items[0], out var min) && TryNumber(seq.Items[1], out var max))
        {
            if (min < max)
            {
                return new ScoreScale(min, max);
            }

            Error(node, $"scale [{Format(min)}, {Format(max)}] is empty; expected [min, max] with min < max");
            return ScoreScale.Default;
        }

        Error(node, "expected scale: [min, max] with two numbers, e.g. [0, 100]");
        return ScoreScale.Default;
    }

    private ValueList<Party> ReadParties(RawNode? node, RawMapping parent)
    {
        if (node is null)
        {
            Error(parent, "missing 'parties:' (a list of parties with id, name, role)");
            return ValueList<Party>.Empty;
        }

        var parties = new List<Party>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in Items(node, "parties"))
        {
            if (Mapping(item, "a party (id, name, role, negotiators)") is not { } map)
            {
                continue;
            }

            CheckKeys(map, ["id", "name", "role", "roles", "negotiators", "optional"], "party");
            var id = RequiredId(map, "party", seen);
            var name = OptionalText(map, "name") ?? id;
            var roles = new List<PartyRole>();
            if (map["roles"] is not null && map["role"] is { } extra)
            {
                Error(extra, $"party '{id}' has both 'role' and 'roles'; give one");
            }

            foreach (var roleNode in ScalarOrList(map["roles"] ?? map["role"]))
            {
                if (roleNode is RawScalar && TryParseName<PartyRole>(Text(roleNode), out var role))
                {
                    if (roles.Contains(role))
                    {
                        Error(roleNode, $"role '{Text(roleNode)}' is listed twice");
                        continue;
                    }

                    roles.Add(role);
                }
                else
                {
                    Error(roleNode, $"unknown role '{Truncate(roleNode is RawScalar r ? r.Text : roleNode.Kind)}'; expected one of party, belligerent, mediator, guarantor, observer");
                }
            }

            if (roles.Count == 0 && map["roles"] is null && map["role"] is null)
            {
                roles.Add(PartyRole.Party);
            }

            var negotiators = ScalarOrList(map["negotiators"]).Select(Text).ToValueList();
            var optional = map["optional"] is { } o && Bool(o);
            parties.Add(new Party(id, name, roles.ToValueList(), negotiators, optional));
        }

        if (parties.Count == 0 && node is RawSequence or RawScalar { IsNull: true })
        {
            Error(node, "a scenario needs at least one party");
        }

        return parties.ToValueList();
    }

    private ValueList<Issue> ReadIssues(RawNode? node, RawMapping parent)
    {
        if (node is null)
        {
            return ValueList<Issue>.Empty;
        }

        var issues = new List<Issue>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in Items(node, "issues"))
        {
            if (Mapping(item, "an issue (id, name, options or numeric)") is not { } map)
            {
                continue;
            }

            CheckKeys(map, ["id", "name", "options", "numeric"], "issue");
            var id = RequiredId(map, "issue", seen);
            var name = OptionalText(map, "name") ?? id;
            if (map["options"] is { } optionsNode)
            {
                if (map["numeric"] is { } both)
                {
                    Error(both, $"issue '{id}' has both 'options' and 'numeric'; give one");
                }

                issues.Add(new Issue(id, name, ReadOptions(optionsNode, id)));
            }
            else if (map["numeric"] is { } numericNode)
            {
                issues.Add(ReadNumericIssue(numericNode, id, name));
            }
            else
            {
                Error(map, $"issue '{id}' needs 'options:' (a list) or 'numeric:' (min, max, step, unit)");
                issues.Add(new Issue(id, name, ValueList<IssueOption>.Empty));
            }
        }

        _ = parent;
        return issues.ToValueList();
    }

    private ValueList<IssueOption> ReadOptions(RawNode node, string issueId)
    {
        var options = new List<IssueOption>();
        foreach (var item in Items(node, $"options of issue '{issueId}'"))
        {
            string id;
            string name;
            if (item is RawScalar scalar)
            {
                id = scalar.Text;
                name = scalar.Text;
                CheckId(scalar, "option");
            }
            else if (Mapping(item, "an option (id and name, or just an id)") is { } map)
            {
                CheckKeys(map, ["id", "name"], "option");
                id = RequiredText(map, "id", "option");
                if (map["id"] is RawScalar idNode)
                {
                    CheckId(idNode, "option");
                }

                name = OptionalText(map, "name") ?? id;
            }
            else
            {
                continue;
            }

            if (!_optionSites.TryAdd(id, item))
            {
                Error(item, $"duplicate option id '{id}' (option ids must be unique across all issues; first at line {_optionSites[id].Span.Line})");
                continue;
            }

            options.Add(new IssueOption(id, name));
        }

        if (options.Count == 0)
        {
            Error(node, $"issue '{issueId}' has no options; expected at least one");
        }

        return options.ToValueList();
    }

    private Issue ReadNumericIssue(RawNode node, string id, string name)
    {
        if (Mapping(node, "numeric: {min, max, step, unit}") is not { } map)
        {
            return new Issue(id, name, ValueList<IssueOption>.Empty);
        }

        CheckKeys(map, ["min", "max", "step", "unit"], "numeric issue");
        var min = RequiredNumber(map, "min", "numeric issue");
        var max = RequiredNumber(map, "max", "numeric issue");
        var step = map["step"] is { } s ? Number(s) : 1;
        var unit = OptionalText(map, "unit") ?? "";
        if (!(max >= min))
        {
            Error(map, $"numeric issue '{id}': max ({Format(max)}) is below min ({Format(min)})");
            return new Issue(id, name, ValueList<IssueOption>.Empty);
        }

        if (!(step > 0))
        {
            Error(map["step"] ?? map, $"numeric issue '{id}': step must be positive, found {Format(step)}");
            return new Issue(id, name, ValueList<IssueOption>.Empty);
        }

        // Check the count as a double first: (max - min) / step can exceed int (or be infinite).
        var steps = Math.Floor(((max - min) / step) + 1e-9) + 1;
        if (!(steps <= MaxNumericOptions))
        {
            Error(map, $"numeric issue '{id}' expands to {(steps < 1e15 ? steps.ToString("N0", CultureInfo.InvariantCulture) : "more than 10^15")} options; at most {MaxNumericOptions:N0} (use a larger step)");
            return new Issue(id, name, ValueList<IssueOption>.Empty);
        }

        var range = new NumericRange(min, max, step, unit);

        var options = new List<IssueOption>(range.Count);
        for (var i = 0; i < range.Count; i++)
        {
            var value = Math.Round(min + (i * step), 10);
            var optionId = NumericOptionId(id, value);
            if (!_optionSites.TryAdd(optionId, node))
            {
                Error(node, $"numeric issue '{id}' makes option id '{optionId}', which is already used (first at line {_optionSites[optionId].Span.Line})");
            }

            options.Add(new IssueOption(optionId, Format(value) + (unit.Length > 0 ? " " + unit : ""), value));
        }

        return new Issue(id, name, options.ToValueList(), range);
    }

    /// <summary>The option id of a numeric issue's value: the issue id followed by the number (e.g. <c>price40</c>).</summary>
    internal static string NumericOptionId(string issueId, double value) => issueId + Format(value);

    internal static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
