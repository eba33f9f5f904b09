using Parley.Model;
using YamlDotNet.Serialization;

namespace Parley.Bargaining.Export;

/// <summary>
/// Writes a NegMAS scenario folder in the YAML layout NegMAS reads (<c>Scenario.load</c>): one outcome-space file
/// (<c>type: DiscreteCartesianOutcomeSpace</c>, issues <c>CategoricalIssue</c> or, for numeric issues,
/// <c>DiscreteCardinalIssue</c> with the numbers), one <c>LinearAdditiveUtilityFunction</c> per party
/// (<c>PARTY.yml</c>: <c>weights</c>, one <c>TableFun</c> mapping per issue, <c>reserved_value</c>) and
/// <c>_info.yaml</c> (NegMAS's scenario info: title, description, party names). Utilities are on 0–1. NegMAS finds the
/// files by their <c>type</c> and orders the utility functions by file name.
/// </summary>
internal static class NegmasExport
{
    private static readonly ISerializer Yaml = new SerializerBuilder().WithQuotingNecessaryStrings(true).Build();

    /// <summary>Builds the files. Pure: nothing is written.</summary>
    /// <exception cref="ArgumentException">See <see cref="ExportModel.From"/>.</exception>
    public static ExportResult Export(Scenario scenario, IReadOnlyList<string>? partyIds = null)
    {
        var model = ExportModel.From(scenario, partyIds);
        var s = model.Scenario;
        var name = s.Id.Length > 0 ? s.Id : "domain";
        if (model.Parties.Any(p => p.Id == name) || name.StartsWith('_'))
        {
            name += "-domain";
        }

        var files = new List<ExportedFile> { new(name + ".yml", Yaml.Serialize(Domain(s, name))) };
        files.AddRange(model.Parties.Select(p => new ExportedFile(p.Id + ".yml", Yaml.Serialize(Ufun(s, p)))));
        files.Add(new("_info.yaml", Yaml.Serialize(new Dictionary<string, object>
        {
            ["name"] = name,
            ["title"] = s.Title,
            ["description"] = s.Description.Trim(),
            ["source"] = "parley export",
            ["parties"] = model.Parties.ToDictionary(p => p.Id, p => (object)p.Name),
        })));
        var notes = new List<string>
        {
            GeniusExport.Scale(s),
            $"NegMAS orders the utility functions by file name ({string.Join(", ", model.Parties.Select(p => p.Id).Order(StringComparer.Ordinal))}); each is named after its party",
            "the title, description and party names are kept in _info.yaml (NegMAS's scenario info)",
        };
        var lost = ExportLosses.Bargaining(model, "NegMAS", keepsNumeric: true)
            .Where(l => !l.StartsWith("party names,", StringComparison.Ordinal) && !l.StartsWith("the scenario's title", StringComparison.Ordinal))
            .Append("party roles and negotiators; issue and option display names (NegMAS names issues and values by id)")
            .ToList();
        return new ExportResult("negmas", files.ToValueList(), lost.ToValueList(), notes.ToValueList());
    }

    /// <summary>An option's value in NegMAS: the number of a numeric issue's option, else its id.</summary>
    internal static object Value(Issue issue, IssueOption option) =>
        issue.Numeric is not null && option.Value is { } v ? v : option.Id;

    private static Dictionary<string, object> Domain(Scenario s, string name) => new()
    {
        ["name"] = name,
        ["type"] = "DiscreteCartesianOutcomeSpace",
        ["issues"] = s.Issues.Select(i => new Dictionary<string, object>
        {
            ["name"] = i.Id,
            ["type"] = i.Numeric is null ? "CategoricalIssue" : "DiscreteCardinalIssue",
            ["values"] = i.Options.Select(o => Value(i, o)).ToList(),
        }).ToList(),
    };

    private static Dictionary<string, object> Ufun(Scenario s, ExportParty p) => new()
    {
        ["type"] = "LinearAdditiveUtilityFunction",
        ["name"] = p.Id,
        ["reserved_value"] = p.Reservation,
        ["weights"] = p.Weights.ToList(),
        ["values"] = s.Issues.Select((issue, k) => new Dictionary<string, object>
        {
            ["type"] = "TableFun",
            ["mapping"] = issue.Options.Select((o, j) => (Key: Value(issue, o), Value: p.Values[k][j])).ToDictionary(x => x.Key, x => (object)x.Value),
        }).ToList(),
    };
}
