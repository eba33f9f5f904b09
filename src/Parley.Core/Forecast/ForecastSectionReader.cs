using System.Globalization;
using Parley.Model;
using Parley.Scenarios;

namespace Parley.Forecast;

/// <summary>
/// Reads and validates a scenario's <c>forecast:</c> section (kept as a located <see cref="RawNode"/> in the
/// scenario model):
/// <code>
/// forecast:
///   illustrative: true              # say so when the numbers are assumptions
///   note: "…"
///   dimensions:
///     - {id: territory, name: Territory, issue: T}   # position 0 = the issue's first option's end, 100 = the last's
///   actors:
///     - {id: RU, capability: 100, position: {territory: 75}, salience: {territory: 35}}
/// </code>
/// Positions and saliences are on [0, 100]; one actor's saliences sum to at most 100; capability is positive.
/// </summary>
internal static class ForecastSectionReader
{
    private static readonly string[] SectionKeys = ["illustrative", "note", "dimensions", "actors"];
    private static readonly string[] DimensionKeys = ["id", "name", "issue", "low", "high"];
    private static readonly string[] ActorKeys = ["id", "name", "capability", "position", "salience"];

    /// <summary>
    /// Validates the section for the scenario loader, adding located diagnostics; returns the node unchanged.
    /// <paramref name="issueIds"/> are the scenario's issues, which a dimension's <c>issue:</c> must name.
    /// </summary>
    public static RawNode Validate(RawNode node, string file, List<Diagnostic> diagnostics, IReadOnlyCollection<string> issueIds)
    {
        Read(node, file, "", diagnostics, issueIds);
        return node;
    }

    /// <summary>The typed forecast input of a loaded scenario's section (already validated by the loader).</summary>
    public static ForecastLoadResult Read(RawNode node, string file, string name)
    {
        var diagnostics = new List<Diagnostic>();
        var input = Read(node, file, name, diagnostics);
        return new ForecastLoadResult(diagnostics.Any(d => d.Severity == Severity.Error) ? null : input, diagnostics);
    }

    private static ForecastInput? Read(RawNode node, string file, string name, List<Diagnostic> diagnostics, IReadOnlyCollection<string>? issueIds = null)
    {
        void Error(RawNode at, string message) =>
            diagnostics.Add(new Diagnostic(Severity.Error, file, at.Span.Line, at.Span.Column, message));

        if (node is not RawMapping section)
        {
            Error(node, "expected 'forecast:' to be a mapping with dimensions: and actors:");
            return null;
        }

        UnknownKeys.Check(section, SectionKeys, "forecast", file, diagnostics);
        var illustrative = section["illustrative"] is { } ill && Bool(ill, "forecast.illustrative", Error);
        var note = section["note"] is RawScalar n ? n.Text : "";

        var dims = new List<string>();
        var dimIds = new List<string>();
        if (section["dimensions"] is not RawSequence dimensions || dimensions.Items.Count == 0)
        {
            Error(section["dimensions"] ?? section, "'forecast.dimensions' must list at least one dimension ({id: …, name: …})");
            return null;
        }

        foreach (var item in dimensions.Items)
        {
            if (item is not RawMapping d)
            {
                Error(item, "a dimension is a mapping {id: …, name: …, issue: …}");
                continue;
            }

            UnknownKeys.Check(d, DimensionKeys, "forecast.dimensions", file, diagnostics);
            var id = Text(d["id"]);
            if (id.Length == 0)
            {
                Error(d, "a dimension needs an id");
                continue;
            }

            if (dimIds.Contains(id))
            {
                Error(d["id"]!, $"dimension '{id}' is listed twice");
                continue;
            }

            if (issueIds is not null && d["issue"] is RawScalar issue && !issueIds.Contains(issue.Text))
            {
                Error(issue, $"dimension '{id}' names unknown issue '{issue.Text}'; issues are {(issueIds.Count == 0 ? "(none)" : string.Join(", ", issueIds))}");
            }

            dimIds.Add(id);
            dims.Add(Text(d["name"]) is { Length: > 0 } dn ? dn : id);
        }

        var actors = new List<ForecastActor>();
        var actorIds = new HashSet<string>(StringComparer.Ordinal);
        if (section["actors"] is not RawSequence list || list.Items.Count < 2)
        {
            Error(section["actors"] ?? section, "'forecast.actors' must list at least two actors ({id, capability, position, salience})");
            return null;
        }

        foreach (var item in list.Items)
        {
            if (item is not RawMapping a)
            {
                Error(item, "an actor is a mapping {id, capability, position: {dim: 0–100}, salience: {dim: 0–100}}");
                continue;
            }

            UnknownKeys.Check(a, ActorKeys, "forecast.actors", file, diagnostics);
            var id = Text(a["id"]);
            if (id.Length == 0)
            {
                Error(a, "an actor needs an id");
                continue;
            }

            if (!actorIds.Add(id))
            {
                Error(a["id"]!, $"actor '{id}' is listed twice");
            }

            var capability = a["capability"] is { } c ? Number(c, $"capability of '{id}'", Error) : null;
            if (a["capability"] is null)
            {
                Error(a, $"actor '{id}' needs a capability (a positive number)");
            }
            else if (capability is { } cv && !(cv > 0 && cv < 1e8))
            {
                Error(a["capability"]!, $"capability of '{id}' must be positive and below 1e8");
            }

            var positions = PerDimension(a, "position", id, dimIds, Error);
            var saliences = PerDimension(a, "salience", id, dimIds, Error);
            var total = saliences.Sum();
            if (total > 100 + 1e-9)
            {
                Error(a["salience"]!, $"saliences of '{id}' sum to {total.ToString("0.###", CultureInfo.InvariantCulture)}; at most 100 in total");
            }
            else if (total <= 0 && a["salience"] is not null)
            {
                Error(a["salience"]!, $"'{id}' has zero salience on every dimension; it could not take part");
            }

            actors.Add(new ForecastActor(id, Text(a["name"]), capability ?? 1, positions.ToValueList(), saliences.ToValueList()));
        }

        return new ForecastInput(name, note, dims.ToValueList(), actors.ToValueList(), illustrative);
    }

    private static double[] PerDimension(RawMapping actor, string key, string id, List<string> dimIds, Action<RawNode, string> error)
    {
        var values = new double[dimIds.Count];
        if (actor[key] is not RawMapping map)
        {
            error(actor[key] ?? actor, $"actor '{id}' needs '{key}:' as a mapping from dimension id to a number in [0, 100]");
            return values;
        }

        foreach (var (dimKey, value) in map.KeyedEntries)
        {
            var dim = dimKey.Text;
            var d = dimIds.IndexOf(dim);
            if (d < 0)
            {
                // At the key, as every unknown key is (UnknownKeys): the name is what is wrong, not the number.
                error(dimKey, $"'{id}.{key}' names unknown dimension '{dim}'{UnknownKeys.Suggestion(dim, dimIds)}; dimensions are {string.Join(", ", dimIds)}");
                continue;
            }

            if (Number(value, $"{key} of '{id}' on '{dim}'", error) is { } x)
            {
                if (x is < 0 or > 100)
                {
                    error(value, $"{key} of '{id}' on '{dim}' must be within [0, 100], found {Text(value)}");
                }

                values[d] = x;
            }
        }

        foreach (var missing in dimIds.Where(d => map[d] is null))
        {
            error(map, $"'{id}.{key}' has no value for dimension '{missing}'");
        }

        return values;
    }

    private static string Text(RawNode? node) => node is RawScalar s ? s.Text : "";

    private static double? Number(RawNode node, string what, Action<RawNode, string> error)
    {
        if (node is RawScalar s && double.TryParse(s.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) && double.IsFinite(x))
        {
            return x;
        }

        error(node, $"{what} must be a number, found {(node is RawScalar t ? $"'{t.Text}'" : "a " + (node is RawSequence ? "list" : "mapping"))}");
        return null;
    }

    private static bool Bool(RawNode node, string what, Action<RawNode, string> error)
    {
        switch (Text(node))
        {
            case "true" or "True" or "yes":
                return true;
            case "false" or "False" or "no":
                return false;
            default:
                error(node, $"{what} must be true or false");
                return false;
        }
    }
}
