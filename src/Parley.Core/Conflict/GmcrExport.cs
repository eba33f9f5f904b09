using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Parley.Bargaining.Export;
using Parley.Model;

namespace Parley.Conflict;

/// <summary>
/// Writes a scenario's <c>conflict:</c> section as a gmcr-py save file (<c>ID.gmcr</c>, one-line JSON as gmcr-py saves it) in the current gmcr-py
/// layout, which <see cref="GmcrImport"/> reads: <c>options</c> (name = option id, <c>permittedDirection</c> both|fwd|back) grouped by
/// decision maker, <c>decisionMakers</c> (name = DM id, option indexes, prioritised <c>preferences</c>, <c>misperceptions</c>,
/// and with a manual ranking <c>preferenceRanking</c> of ordered state numbers, ties as sub-lists), <c>infeasibles</c>
/// (infeasible conditions, exclusive and at-least-one groups as plain conditions) and <c>useManualPreferenceRanking</c>.
/// Conditions are written in disjunctive form (<see cref="ConditionDnf"/>). gmcr-py uses one preference mode for every
/// DM, so when any DM ranks states, every DM's ranking is written, computed from its payoffs (statements kept too).
/// </summary>
internal static class GmcrExport
{
    private static readonly JsonSerializerOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Builds the file. Pure: nothing is written.</summary>
    /// <exception cref="ArgumentException">The scenario has no conflict section, or a condition cannot be written (too many options in it).</exception>
    public static ExportResult Export(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var spec = scenario.Conflict ?? throw new ArgumentException("the scenario has no conflict: section to export to gmcr");
        var options = spec.DecisionMakers.SelectMany(d => d.Options).ToList();
        var index = options.Select((o, k) => (o.Id, k)).ToDictionary(x => x.Id, x => x.k, StringComparer.Ordinal);
        var manual = spec.DecisionMakers.Any(d => d.Preferences.Ranking is not null);
        var model = manual ? ConflictModelFactory.FromSpec(spec) : null;

        var infeasibles = new JsonArray();
        foreach (var c in spec.Infeasible)
        {
            foreach (var term in ConditionDnf.Of(c))
            {
                infeasibles.Add(Term(term, index));
            }
        }

        foreach (var group in spec.ExclusiveGroups)
        {
            for (var a = 0; a < group.Count; a++)
            {
                for (var b = a + 1; b < group.Count; b++)
                {
                    infeasibles.Add(Term([(group[a], true), (group[b], true)], index));
                }
            }
        }

        foreach (var group in spec.AtLeastOneGroups)
        {
            infeasibles.Add(Term([.. group.Select(o => (o, false))], index));
        }

        var dms = new JsonArray();
        for (var d = 0; d < spec.DecisionMakers.Count; d++)
        {
            var dm = spec.DecisionMakers[d];
            var json = new JsonObject
            {
                ["name"] = dm.Id,
                ["options"] = new JsonArray([.. dm.Options.Select(o => (JsonNode)JsonValue.Create(index[o.Id]))]),
                ["preferences"] = new JsonArray([.. (dm.Preferences.Statements ?? ValueList<Condition>.Empty).Select(c => Statement(c, index))]),
                ["misperceptions"] = new JsonArray([.. dm.Misperceptions.SelectMany(ConditionDnf.Of).Select(t => (JsonNode)Term(t, index))]),
            };
            if (model is not null)
            {
                json["preferenceRanking"] = Ranking(model, d);
            }

            dms.Add(json);
        }

        var root = new JsonObject
        {
            ["program"] = "parley",
            ["options"] = new JsonArray([.. options.Select(o => (JsonNode)new JsonObject
            {
                ["name"] = o.Id,
                ["permittedDirection"] = o.Direction switch { OptionDirection.Forward => "fwd", OptionDirection.Backward => "back", _ => "both" },
            })]),
            ["decisionMakers"] = dms,
            ["infeasibles"] = infeasibles,
            ["useManualPreferenceRanking"] = manual,
        };

        var file = (scenario.Id.Length > 0 ? scenario.Id : "conflict") + ".gmcr";
        var notes = new List<string>
        {
            $"{file}: {spec.DecisionMakers.Count} decision makers named by id, {options.Count} options in decision-maker order, so gmcr-py's ordered state numbers and Y/N codes are Parley's",
            "options are named by their ids; importing numbers them o0, o1, … in this order (" + string.Join(", ", options.Select((o, k) => $"o{k} = {o.Id}")) + ")",
        };
        if (spec.ExclusiveGroups.Count > 0 || spec.AtLeastOneGroups.Count > 0)
        {
            notes.Add("exclusive and at-least-one option groups are written as infeasible conditions (the same feasible states)");
        }

        if (manual)
        {
            notes.Add("gmcr-py uses one preference mode for all decision makers: every DM's ranking of the feasible states is written (useManualPreferenceRanking), computed from its statements where it has no ranking");
        }

        var lost = new List<string>();
        if (spec.StatusQuo is { } sq)
        {
            lost.Add($"the status quo ({(sq.Count == 0 ? "no option taken" : string.Join(", ", sq))}): a gmcr-py save file has none (give it to parley stability with --from)");
        }

        lost.Add($"display names of the decision makers and options ({string.Join("; ", spec.DecisionMakers.Select(d => $"{d.Id} = {d.Name}").Concat(options.Select(o => $"{o.Id} = {o.Name}")))})");
        if (scenario.Issues.Count > 0 || scenario.Preferences.Count > 0)
        {
            lost.Add("issues, options and the parties' preferences (the bargaining lens; export them with --to genius, geniusweb or negmas)");
        }

        lost.Add("parties' names, roles and negotiators");
        ExportLosses.Sections(scenario, lost, conflictToo: false);
        return new ExportResult("gmcr", new[] { new ExportedFile(file, root.ToJsonString(Compact) + "\n") }.ToValueList(), lost.ToValueList(), notes.ToValueList());
    }

    private static JsonNode Statement(Condition c, Dictionary<string, int> index)
    {
        var terms = ConditionDnf.Of(c);
        return terms.Count == 1
            ? Term(terms[0], index)
            : new JsonObject { ["compound"] = true, ["members"] = new JsonArray([.. terms.Select(t => (JsonNode)Term(t, index))]) };
    }

    private static JsonArray Term(IReadOnlyList<(string Option, bool Taken)> term, Dictionary<string, int> index) =>
        new([.. term.OrderBy(l => index[l.Option]).Select(l => (JsonNode)new JsonArray(index[l.Option], l.Taken ? "Y" : "N"))]);

    /// <summary>Ordered state numbers (1-based), best first, states of equal payoff as one sub-list.</summary>
    private static JsonArray Ranking(ConflictModel model, int dm) =>
        new([.. Enumerable.Range(0, model.StateCount)
            .GroupBy(s => model.Payoff(dm, s))
            .OrderByDescending(g => g.Key)
            .Select(g => g.Count() == 1
                ? (JsonNode)JsonValue.Create(ConflictModel.OrderedId(g.First()))
                : new JsonArray([.. g.Select(s => (JsonNode)JsonValue.Create(ConflictModel.OrderedId(s)))]))]);
}
