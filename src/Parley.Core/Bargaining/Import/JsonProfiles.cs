using System.Globalization;
using System.Text.Json;
using Parley.Model;

namespace Parley.Bargaining.Import;

/// <summary>
/// Reads JSON preference profiles, detecting the format of each file:
/// <list type="bullet">
/// <item><b>GeniusWeb / ANL 2023</b>: <c>{"LinearAdditiveUtilitySpace": {"issueUtilities": {issue: {"DiscreteValueSetUtilities":
/// {"valueUtilities": {value: u}}}}, "issueWeights", "domain": {"issuesValues"}, "name", "reservationBid"?, "reserved_value"?}}</c>; the
/// reservation value is the utility of the reservation bid, else ANL's <c>reserved_value</c>, else 0.</item>
/// <item><b>GeniusWeb domain</b> (<c>{"name", "issuesValues"}</c>): fixes the issue and value order; optional.</item>
/// <item><b>NegoLog</b>: <c>{"reservationValue", "issueWeights", "issues": {issue: {value: u}}}</c>; the domain is implied.</item>
/// </list>
/// Value utilities are used as given (0–1), weights divided by their sum (with a warning when it is not 1). Issue and
/// value order come from the domain file if given, else from the first profile. Errors name the file and the JSON path.
/// </summary>
public static class JsonProfiles
{
    /// <summary>Reads two or more profiles (plus, optionally, one GeniusWeb domain file); parties are named after the profile files.</summary>
    /// <exception cref="Parley.Scenarios.ScenarioException">A file is malformed, of an unknown format, or does not fit the domain.</exception>
    public static ImportedDomain Read(IReadOnlyList<SourceText> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var log = new ImportErrors();
        List<(string Issue, string[] Values)>? domain = null;
        var profiles = new List<RawProfile>();
        var formats = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            using var doc = Parse(file);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw Error(file, "$", "expected a JSON object");
            }

            if (root.TryGetProperty("LinearAdditiveUtilitySpace", out var las))
            {
                formats.Add("geniusweb");
                profiles.Add(ReadGeniusWeb(file, las));
            }
            else if (root.TryGetProperty("issuesValues", out var iv))
            {
                if (domain is not null)
                {
                    throw Error(file, "$", "a second domain file; give at most one");
                }

                domain = ReadDomain(file, iv, "$.issuesValues");
            }
            else if (root.TryGetProperty("issueWeights", out _) && root.TryGetProperty("issues", out _))
            {
                formats.Add("negolog");
                profiles.Add(ReadNegoLog(file, root));
            }
            else if (root.TryGetProperty("pareto_front", out _) || root.TryGetProperty("NumberOfBids", out _))
            {
                throw Error(file, "$", "this is a reference-values file (ANL specials.json / NegoLog specs.json), not a profile");
            }
            else if (root.TryGetProperty("discreteValueSetUtilities", out _) || root.TryGetProperty("LinearAdditive", out _))
            {
                throw Error(file, "$", "unknown GeniusWeb profile type; only LinearAdditiveUtilitySpace is supported");
            }
            else
            {
                throw Error(file, "$", "unknown profile format: expected GeniusWeb (LinearAdditiveUtilitySpace), NegoLog (issueWeights + issues) or a GeniusWeb domain (issuesValues)");
            }
        }

        if (profiles.Count == 0)
        {
            throw Error(files.Count > 0 ? files[0] : new SourceText("(none)", ""), "$", "no preference profile among the files");
        }

        domain ??= profiles[0].Domain ?? [.. profiles[0].Utilities.Select(i => (i.Key, i.Value.Keys.ToArray()))];
        var space = new OutcomeSpace(domain.Select(d => new OutcomeIssue(d.Issue, d.Issue, d.Values.ToValueList(), d.Values.ToValueList())).ToValueList());
        var parties = profiles.Select(p => Build(p, domain, space, log)).ToValueList();
        return new ImportedDomain(new UtilityTable(space, parties, new ScoreScale(0, 1)), string.Join("+", formats), log.Warnings.ToValueList());
    }

    private static PartyUtility Build(RawProfile p, List<(string Issue, string[] Values)> domain, OutcomeSpace space, ImportErrors log)
    {
        var extra = p.Utilities.Keys.Except(domain.Select(d => d.Issue)).FirstOrDefault();
        if (extra is not null)
        {
            throw Error(p.Source, $"{p.UtilitiesPath}.{extra}", $"issue '{extra}' is not in the domain ({string.Join(", ", domain.Select(d => d.Issue))})");
        }

        var weights = new double[domain.Count];
        var contributions = new List<double[]>();
        for (var k = 0; k < domain.Count; k++)
        {
            var (issue, values) = domain[k];
            if (!p.Weights.TryGetValue(issue, out weights[k]))
            {
                throw Error(p.Source, p.WeightsPath, $"no weight for issue '{issue}'");
            }

            if (!p.Utilities.TryGetValue(issue, out var utilities))
            {
                throw Error(p.Source, p.UtilitiesPath, $"no utilities for issue '{issue}'");
            }

            var row = new double[values.Length];
            for (var o = 0; o < values.Length; o++)
            {
                if (!utilities.TryGetValue(values[o], out row[o]))
                {
                    throw Error(p.Source, $"{p.UtilitiesPath}.{issue}", $"no utility for value '{values[o]}'");
                }
            }

            var unknown = utilities.Keys.Except(values).FirstOrDefault();
            if (unknown is not null)
            {
                throw Error(p.Source, $"{p.UtilitiesPath}.{issue}.{unknown}", $"value '{unknown}' is not in the domain's issue '{issue}'");
            }

            contributions.Add(row);
        }

        var sum = weights.Sum();
        if (sum <= 0)
        {
            throw Error(p.Source, p.WeightsPath, "all weights are zero");
        }

        if (Math.Abs(sum - 1) > 1e-9)
        {
            log.Warn(p.Source.File, 1, 1, $"{p.WeightsPath}: weights sum to {sum.ToString("R", CultureInfo.InvariantCulture)} (≈ {sum.ToString("0.####", CultureInfo.InvariantCulture)}), not 1; divided by the sum");
        }

        var table = contributions.Select((c, k) => c.Select(v => weights[k] / sum * v).ToValueList()).ToValueList();
        var reservation = p.Reservation;
        if (p.ReservationBid is { } bid)
        {
            var package = new int[domain.Count];
            for (var k = 0; k < domain.Count; k++)
            {
                package[k] = bid.TryGetValue(domain[k].Issue, out var v) ? Array.IndexOf(domain[k].Values, v) : -1;
                if (package[k] < 0)
                {
                    throw Error(p.Source, "$.LinearAdditiveUtilitySpace.reservationBid", $"reservation bid lacks a valid value for issue '{domain[k].Issue}'");
                }
            }

            reservation = table.Select((c, k) => c[package[k]]).Sum();
        }

        var name = Path.GetFileNameWithoutExtension(p.Source.File);
        return new PartyUtility(name, name, table, reservation, ValueList<RedLine>.Empty);
    }

    private static RawProfile ReadGeniusWeb(SourceText file, JsonElement las)
    {
        const string Path = "$.LinearAdditiveUtilitySpace";
        var utilities = new Dictionary<string, Dictionary<string, double>>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var issue in Object(file, las, "issueUtilities", Path).EnumerateObject())
        {
            var at = $"{Path}.issueUtilities.{issue.Name}";
            if (issue.Value.ValueKind != JsonValueKind.Object || !issue.Value.TryGetProperty("DiscreteValueSetUtilities", out var dv))
            {
                throw Error(file, at, "only DiscreteValueSetUtilities issues are supported (NumberValueSetUtilities is not)");
            }

            utilities[issue.Name] = Numbers(file, Object(file, dv, "valueUtilities", at + ".DiscreteValueSetUtilities"), at + ".DiscreteValueSetUtilities.valueUtilities");
            order.Add(issue.Name);
        }

        var weights = Numbers(file, Object(file, las, "issueWeights", Path), Path + ".issueWeights");
        List<(string, string[])>? domain = null;
        if (las.TryGetProperty("domain", out var d) && d.ValueKind == JsonValueKind.Object && d.TryGetProperty("issuesValues", out var iv))
        {
            domain = ReadDomain(file, iv, Path + ".domain.issuesValues");
        }

        Dictionary<string, string>? bid = null;
        if (las.TryGetProperty("reservationBid", out var rb) && rb.ValueKind == JsonValueKind.Object)
        {
            var issues = rb.TryGetProperty("issuevalues", out var inner) ? inner : rb;
            bid = issues.EnumerateObject().ToDictionary(x => x.Name, x => x.Value.ToString(), StringComparer.Ordinal);
        }

        // ANL's reserved value (what the ANL/NegMAS tools read); a reservation bid, GeniusWeb's own field, takes precedence.
        var reserved = 0.0;
        if (las.TryGetProperty("reserved_value", out var rv) && rv.ValueKind != JsonValueKind.Null)
        {
            reserved = rv.ValueKind == JsonValueKind.Number && double.IsFinite(rv.GetDouble()) ? rv.GetDouble() : throw Error(file, Path + ".reserved_value", "expected a number");
        }

        return new RawProfile(file, utilities, weights, reserved, bid, domain, Path + ".issueUtilities", Path + ".issueWeights");
    }

    private static RawProfile ReadNegoLog(SourceText file, JsonElement root)
    {
        var utilities = new Dictionary<string, Dictionary<string, double>>(StringComparer.Ordinal);
        foreach (var issue in Object(file, root, "issues", "$").EnumerateObject())
        {
            if (issue.Value.ValueKind != JsonValueKind.Object)
            {
                throw Error(file, $"$.issues.{issue.Name}", "expected an object of value utilities");
            }

            utilities[issue.Name] = Numbers(file, issue.Value, $"$.issues.{issue.Name}");
        }

        var weights = Numbers(file, Object(file, root, "issueWeights", "$"), "$.issueWeights");
        var reservation = 0.0;
        if (root.TryGetProperty("reservationValue", out var rv))
        {
            reservation = rv.ValueKind == JsonValueKind.Number ? rv.GetDouble() : throw Error(file, "$.reservationValue", "expected a number");
        }

        return new RawProfile(file, utilities, weights, reservation, null, null, "$.issues", "$.issueWeights");
    }

    private static List<(string Issue, string[] Values)> ReadDomain(SourceText file, JsonElement issuesValues, string path)
    {
        if (issuesValues.ValueKind != JsonValueKind.Object)
        {
            throw Error(file, path, "expected an object of issues");
        }

        var result = new List<(string, string[])>();
        foreach (var issue in issuesValues.EnumerateObject())
        {
            if (issue.Value.ValueKind != JsonValueKind.Object || !issue.Value.TryGetProperty("values", out var values) || values.ValueKind != JsonValueKind.Array)
            {
                throw Error(file, $"{path}.{issue.Name}", "expected {\"values\": [...]} (numeric ranges are not supported)");
            }

            result.Add((issue.Name, [.. values.EnumerateArray().Select(v => v.ToString())]));
        }

        return result;
    }

    private static JsonElement Object(SourceText file, JsonElement parent, string name, string path) =>
        parent.TryGetProperty(name, out var e) && e.ValueKind == JsonValueKind.Object ? e : throw Error(file, path, $"missing object '{name}'");

    private static Dictionary<string, double> Numbers(SourceText file, JsonElement obj, string path)
    {
        var result = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var p in obj.EnumerateObject())
        {
            if (p.Value.ValueKind != JsonValueKind.Number || !double.IsFinite(p.Value.GetDouble()))
            {
                throw Error(file, $"{path}.{p.Name}", $"expected a number, found {p.Value.ValueKind.ToString().ToLowerInvariant()}");
            }

            var v = p.Value.GetDouble();
            if (v < 0)
            {
                throw Error(file, $"{path}.{p.Name}", $"negative value {v}");
            }

            result[p.Name] = v;
        }

        return result;
    }

    private static JsonDocument Parse(SourceText file)
    {
        try
        {
            return JsonDocument.Parse(file.Text, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException ex)
        {
            throw ImportErrors.Error(file.File, (int)(ex.LineNumber ?? 0) + 1, (int)(ex.BytePositionInLine ?? 0) + 1, "malformed JSON: " + ex.Message);
        }
    }

    private static Parley.Scenarios.ScenarioException Error(SourceText file, string path, string message) =>
        ImportErrors.Error(file.File, 1, 1, $"{path}: {message}");

    private sealed record RawProfile(
        SourceText Source,
        Dictionary<string, Dictionary<string, double>> Utilities,
        Dictionary<string, double> Weights,
        double Reservation,
        Dictionary<string, string>? ReservationBid,
        List<(string Issue, string[] Values)>? Domain,
        string UtilitiesPath,
        string WeightsPath);
}
