using System.Globalization;
using System.Text;
using Parley.Model;
using Parley.Scenarios;

namespace Parley.Bargaining.Import;

/// <summary>
/// Reads a NegMAS scenario folder in its YAML layout (what NegMAS's <c>Scenario.dumpas(folder, "yml")</c> writes and
/// <c>Scenario.load</c> reads): among the <c>.yml</c>/<c>.yaml</c> files, the one whose <c>type</c> names an outcome space
/// is the domain (<c>issues:</c> of <c>CategoricalIssue</c>, <c>DiscreteCardinalIssue</c>, <c>DiscreteOrdinalIssue</c> or
/// <c>ContiguousIssue</c>), each one whose <c>type</c> names a utility function is a party (file name order, as NegMAS
/// orders them; parties are named after the files), other files (<c>_info.yaml</c>, <c>_stats.yaml</c>) are ignored.
/// Utility functions: <c>LinearAdditiveUtilityFunction</c> (<c>weights</c> and <c>values</c> as lists in issue order or
/// mappings by issue name, <c>bias</c>, <c>reserved_value</c>), <c>LinearUtilityFunction</c> / <c>AffineUtilityFunction</c>
/// over numeric issues, each optionally wrapped in <c>ExpDiscountedUFun</c> (its <c>discount</c> kept as the discount
/// factor) or <c>LinDiscountedUFun</c> (cost ignored, with a warning). Value functions: <c>TableFun</c>, <c>AffineFun</c>,
/// <c>LinearFun</c>, <c>IdentityFun</c>, <c>ConstFun</c>. Utilities are used as NegMAS computes them,
/// <c>Σ w_k·f_k(x_k) + bias</c> with weights as given (not normalised). Numeric issues' options are named as Parley names
/// them, issue name + number (<c>salary60</c>). Errors are located (file:line:col) and name the YAML path.
/// </summary>
public static class NegmasYaml
{
    /// <summary>Most values a contiguous issue may expand to.</summary>
    public const int MaxIssueValues = 100_000;

    private static readonly string[] ValueFunctions = ["TableFun", "AffineFun", "LinearFun", "IdentityFun", "ConstFun"];

    /// <summary>Reads the folder's YAML files (give them in file-name order; NegMAS orders utility functions so).</summary>
    /// <exception cref="ScenarioException">A file is malformed, of an unsupported type, or does not fit the domain; the message names file:line:col.</exception>
    public static ImportedDomain Read(IReadOnlyList<SourceText> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var log = new ImportErrors();
        (SourceText File, RawMapping Root)? domain = null;
        var ufuns = new List<(SourceText File, RawMapping Root)>();
        foreach (var file in files)
        {
            if (Parse(file, log) is not { } root)
            {
                continue;
            }

            var type = root["type"] is RawScalar t ? t.Text : "";
            if (type.Contains("OutcomeSpace", StringComparison.Ordinal))
            {
                if (domain is { } first)
                {
                    throw Error(file, root["type"]!, "type", $"a second outcome-space file (the first is {first.File.File}); a NegMAS scenario folder holds one");
                }

                domain = (file, root);
            }
            else if (type.Contains("fun", StringComparison.OrdinalIgnoreCase))
            {
                ufuns.Add((file, root));
            }
            else if (!Path.GetFileName(file.File).StartsWith('_'))
            {
                log.Warn(file.File, root.Span.Line, root.Span.Column, type.Length == 0
                    ? "no 'type' key: neither an outcome space nor a utility function; ignored"
                    : $"type '{Truncate(type)}' is neither an outcome space nor a utility function; ignored");
            }
        }

        if (domain is not { } d)
        {
            throw ImportErrors.Error(files.Count > 0 ? files[0].File : "(no files)", 1, 1,
                "no outcome-space file: a NegMAS scenario folder needs a YAML file with 'type: DiscreteCartesianOutcomeSpace' and 'issues:'");
        }

        if (ufuns.Count == 0)
        {
            throw ImportErrors.Error(d.File.File, 1, 1, "no utility-function file beside the outcome space (files with 'type: LinearAdditiveUtilityFunction')");
        }

        var issues = ReadIssues(d.File, d.Root);
        var space = new OutcomeSpace(issues.Select(i => new OutcomeIssue(i.Name, i.Name, i.Ids.ToValueList(), i.Ids.ToValueList())).ToValueList());
        var parties = ufuns.Select(u => ReadParty(u.File, u.Root, issues, log)).ToList();
        var duplicate = parties.GroupBy(p => p.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw ImportErrors.Error(d.File.File, 1, 1, $"two utility functions are named '{duplicate.Key}' (parties are named after their files)");
        }

        var lo = Math.Min(0, parties.Min(p => Math.Min(p.MinUtility, p.Reservation)));
        var hi = Math.Max(1, parties.Max(p => Math.Max(p.MaxUtility, p.Reservation)));
        return new ImportedDomain(new UtilityTable(space, parties.ToValueList(), new ScoreScale(lo, hi)), "negmas", log.Warnings.ToValueList());
    }

    private static RawMapping? Parse(SourceText file, ImportErrors log)
    {
        if (string.IsNullOrWhiteSpace(file.Text))
        {
            log.Warn(file.File, 1, 1, "empty file; ignored");
            return null;
        }

        var diagnostics = new List<Diagnostic>();
        var root = YamlTreeReader.Read(Encoding.UTF8.GetBytes(file.Text), file.File, diagnostics);
        if (diagnostics.Any(x => x.Severity == Severity.Error))
        {
            throw new ScenarioException(diagnostics.Where(x => x.Severity == Severity.Error).ToList());
        }

        if (root is not RawMapping map)
        {
            log.Warn(file.File, root?.Span.Line ?? 1, root?.Span.Column ?? 1, "not a YAML mapping: neither an outcome space nor a utility function; ignored");
            return null;
        }

        return map;
    }

    private static List<NegmasIssue> ReadIssues(SourceText file, RawMapping root)
    {
        var list = root["issues"] as RawSequence ?? throw Error(file, root["issues"] ?? root, "issues", "expected a list of issues ({name, type, values})");
        var issues = new List<NegmasIssue>();
        for (var i = 0; i < list.Items.Count; i++)
        {
            var path = $"issues[{i}]";
            var map = list.Items[i] as RawMapping ?? throw Error(file, list.Items[i], path, "expected an issue {name, type, values}");
            var name = Text(file, map, "name", path);
            if (issues.Any(x => x.Name == name))
            {
                throw Error(file, map["name"]!, path + ".name", $"issue '{Truncate(name)}' is declared twice");
            }

            var type = Short(map["type"] is RawScalar t ? t.Text : "CategoricalIssue");
            var valuesNode = map["values"] ?? throw Error(file, map, path, $"issue '{Truncate(name)}' has no 'values'");
            issues.Add(type switch
            {
                "CategoricalIssue" or "DiscreteOrdinalIssue" or "OrdinalIssue" => Categorical(file, valuesNode, name, path + ".values"),
                "DiscreteCardinalIssue" or "CardinalIssue" => Cardinal(file, valuesNode, name, path + ".values"),
                "ContiguousIssue" => Contiguous(file, valuesNode, name, path + ".values"),
                "ContinuousIssue" => throw Error(file, map["type"]!, path + ".type", $"issue '{Truncate(name)}' is continuous; only discrete issues can be bargained over exactly"),
                _ => throw Error(file, map["type"]!, path + ".type", $"issue type '{Truncate(type)}' is not supported (CategoricalIssue, DiscreteCardinalIssue, DiscreteOrdinalIssue, ContiguousIssue)"),
            });
        }

        if (issues.Count == 0)
        {
            throw Error(file, list, "issues", "the outcome space has no issues");
        }

        return issues;
    }

    private static NegmasIssue Categorical(SourceText file, RawNode node, string name, string path)
    {
        var seq = node as RawSequence ?? throw Error(file, node, path, "expected a list of values");
        var ids = new List<string>();
        for (var j = 0; j < seq.Items.Count; j++)
        {
            var value = seq.Items[j] as RawScalar ?? throw Error(file, seq.Items[j], $"{path}[{j}]", "expected a value (a scalar)");
            if (ids.Contains(value.Text))
            {
                throw Error(file, value, $"{path}[{j}]", $"issue '{Truncate(name)}' lists the value '{Truncate(value.Text)}' twice");
            }

            ids.Add(value.Text);
        }

        return ids.Count == 0 ? throw Error(file, node, path, $"issue '{Truncate(name)}' has no values") : new NegmasIssue(name, [.. ids], null);
    }

    private static NegmasIssue Cardinal(SourceText file, RawNode node, string name, string path)
    {
        var seq = node as RawSequence ?? throw Error(file, node, path, "expected a list of numbers");
        var numbers = seq.Items.Select((v, j) => Number(file, v, $"{path}[{j}]")).ToArray();
        return Numeric(file, node, name, path, numbers);
    }

    private static NegmasIssue Contiguous(SourceText file, RawNode node, string name, string path)
    {
        double lo, hi;
        if (node is RawSequence { Items.Count: 2 } range)
        {
            (lo, hi) = (Number(file, range.Items[0], path + "[0]"), Number(file, range.Items[1], path + "[1]"));
        }
        else if (node is RawScalar)
        {
            (lo, hi) = (0, Number(file, node, path) - 1);
        }
        else
        {
            throw Error(file, node, path, "expected [min, max] or a count");
        }

        if (lo != Math.Floor(lo) || hi != Math.Floor(hi) || hi < lo || hi - lo + 1 > MaxIssueValues)
        {
            throw Error(file, node, path, $"contiguous issue '{Truncate(name)}' spans {ExportNumber(lo)}..{ExportNumber(hi)}; expected integers with min ≤ max and at most {MaxIssueValues:N0} values");
        }

        return Numeric(file, node, name, path, [.. Enumerable.Range(0, (int)(hi - lo) + 1).Select(k => lo + k)]);
    }

    private static NegmasIssue Numeric(SourceText file, RawNode node, string name, string path, double[] numbers)
    {
        if (numbers.Length == 0)
        {
            throw Error(file, node, path, $"issue '{Truncate(name)}' has no values");
        }

        var ids = numbers.Select(v => ScenarioReader.NumericOptionId(name, v)).ToArray();
        if (ids.Distinct(StringComparer.Ordinal).Count() != ids.Length)
        {
            throw Error(file, node, path, $"issue '{Truncate(name)}' lists a value twice");
        }

        return new NegmasIssue(name, ids, numbers);
    }

    private static PartyUtility ReadParty(SourceText file, RawMapping root, List<NegmasIssue> issues, ImportErrors log)
    {
        var discount = 1.0;
        var ufun = root;
        var path = "";
        double? outerReserved = null;
        var type = Short(Text(file, root, "type", "$"));
        if (type is "ExpDiscountedUFun" or "LinDiscountedUFun" or "DiscountedUtilityFunction")
        {
            ufun = root["ufun"] as RawMapping ?? throw Error(file, root["ufun"] ?? root, "ufun", $"a {type} needs the discounted utility function under 'ufun:'");
            path = "ufun.";
            if (root["reserved_value"] is { } rv && Number(file, rv, "reserved_value") is var r && double.IsFinite(r))
            {
                outerReserved = r;
            }

            if (type == "ExpDiscountedUFun" && root["discount"] is { } dn and not RawScalar { IsNull: true })
            {
                discount = Number(file, dn, "discount");
                if (discount <= 0 || discount > 1)
                {
                    log.Warn(file.File, dn.Span.Line, dn.Span.Column, $"discount {ExportNumber(discount)} outside (0, 1]; treated as 1 (no discount)");
                    discount = 1;
                }
                else if (root["factor"] is RawScalar { Text: not ("time" or "relative_time") } factor)
                {
                    log.Warn(file.File, factor.Span.Line, factor.Span.Column, $"discounted per '{Truncate(factor.Text)}' in NegMAS; Parley applies the factor per unit of normalised time, as GENIUS does");
                }
            }
            else if (type != "ExpDiscountedUFun")
            {
                log.Warn(file.File, root.Span.Line, root.Span.Column, $"{type}: the discount is not carried over; the undiscounted utility is used");
            }

            type = Short(Text(file, ufun, "type", "ufun"));
        }

        var k = issues.Count;
        double[][] contributions;
        var bias = ufun["bias"] is { } b and not RawScalar { IsNull: true } ? Number(file, b, path + "bias") : 0;
        switch (type)
        {
            case "LinearAdditiveUtilityFunction":
                {
                    var weights = PerIssue(file, ufun["weights"], issues, path + "weights", (n, p) => Number(file, n, p), 1.0);
                    var valuesNode = ufun["values"] ?? throw Error(file, ufun, path.TrimEnd('.'), "no 'values' (one value function per issue)");
                    var values = PerIssue<(RawNode? Node, string Path)>(file, valuesNode, issues, path + "values", (n, p) => (n, p), (null, path + "values"));
                    contributions = [.. Enumerable.Range(0, k).Select(i => ValueFunction(file, values[i].Node, valuesNode, issues[i], values[i].Path).Select(v => weights[i] * v).ToArray())];
                    break;
                }

            case "LinearUtilityFunction" or "AffineUtilityFunction":
                {
                    var weights = PerIssue(file, ufun["weights"] ?? throw Error(file, ufun, path.TrimEnd('.'), "no 'weights'"), issues, path + "weights", (n, p) => Number(file, n, p), 1.0);
                    contributions = [.. Enumerable.Range(0, k).Select(i => Numbers(file, ufun, issues[i], path.TrimEnd('.')).Select(x => weights[i] * x).ToArray())];
                    break;
                }

            default:
                throw Error(file, ufun["type"]!, path + "type", $"utility function type '{Truncate(type)}' is not linear additive; supported: LinearAdditiveUtilityFunction, LinearUtilityFunction, AffineUtilityFunction (optionally in ExpDiscountedUFun)");
        }

        // NegMAS adds the bias to every outcome; added to the first issue's contributions it shifts every package alike.
        contributions[0] = [.. contributions[0].Select(c => c + bias)];
        var reservation = outerReserved ?? ReservedValue(file, ufun, path);
        var min = contributions.Sum(c => c.Min());
        if (reservation is null)
        {
            var at = ufun["reserved_value"] ?? (RawNode)ufun;
            log.Warn(file.File, at.Span.Line, at.Span.Column, $"{path}reserved_value: none (or −∞): any agreement beats none; the reservation value is taken as the lowest utility, {ExportNumber(min)}");
        }

        var name = Path.GetFileNameWithoutExtension(file.File);
        return new PartyUtility(name, name, contributions.Select(c => c.ToValueList()).ToValueList(), reservation ?? min, ValueList<RedLine>.Empty, discount);
    }

    private static double? ReservedValue(SourceText file, RawMapping ufun, string path)
    {
        if (ufun["reserved_value"] is not { } node || node is RawScalar { IsNull: true })
        {
            return null;
        }

        var r = Number(file, node, path + "reserved_value");
        return double.IsNegativeInfinity(r) ? null : double.IsFinite(r) ? r : throw Error(file, node, path + "reserved_value", "expected a finite number or -.inf");
    }

    /// <summary>A per-issue field given as a list in issue order or as a mapping by issue name (NegMAS accepts both).</summary>
    private static T[] PerIssue<T>(SourceText file, RawNode? node, List<NegmasIssue> issues, string path, Func<RawNode, string, T> read, T fallback)
    {
        var result = new T[issues.Count];
        switch (node)
        {
            case null or RawScalar { IsNull: true }:
                Array.Fill(result, fallback);
                break;
            case RawSequence seq:
                if (seq.Items.Count != issues.Count)
                {
                    throw Error(file, seq, path, $"{seq.Items.Count} entries for {issues.Count} issues ({string.Join(", ", issues.Select(i => Truncate(i.Name)))})");
                }

                for (var i = 0; i < issues.Count; i++)
                {
                    result[i] = read(seq.Items[i], $"{path}[{i}]");
                }

                break;
            case RawMapping map:
                var unknown = map.KeyedEntries.FirstOrDefault(e => issues.All(i => i.Name != e.Key.Text));
                if (unknown.Key is not null)
                {
                    throw Error(file, unknown.Key, $"{path}.{unknown.Key.Text}", $"'{Truncate(unknown.Key.Text)}' is not an issue of the outcome space ({string.Join(", ", issues.Select(i => Truncate(i.Name)))})");
                }

                for (var i = 0; i < issues.Count; i++)
                {
                    result[i] = map[issues[i].Name] is { } v ? read(v, $"{path}.{issues[i].Name}") : fallback;
                }

                break;
            default:
                throw Error(file, node, path, "expected a list (in issue order) or a mapping by issue name");
        }

        return result;
    }

    private static double[] ValueFunction(SourceText file, RawNode? node, RawNode at, NegmasIssue issue, string path)
    {
        if (node is RawMapping { } bare && bare["type"] is null)
        {
            // A bare mapping {value: utility} is a table, as NegMAS's constructor reads a dict.
            return Table(file, bare, issue, path);
        }

        var map = node as RawMapping ?? throw Error(file, node ?? at, path, node is null
            ? $"no value function for issue '{Truncate(issue.Name)}'"
            : $"expected a value function {{type: TableFun, mapping: …}} for issue '{Truncate(issue.Name)}'");
        var type = Short(Text(file, map, "type", path));
        double Field(string key, double fallback) => map[key] is { } v and not RawScalar { IsNull: true } ? Number(file, v, $"{path}.{key}") : fallback;
        return type switch
        {
            "TableFun" => Table(file, map["mapping"] as RawMapping ?? throw Error(file, map["mapping"] ?? map, path + ".mapping", "a TableFun needs 'mapping: {value: utility}'"), issue, path + ".mapping"),
            "AffineFun" => [.. Numbers(file, map, issue, path).Select(x => (Field("slope", 1) * x) + Field("bias", 0))],
            "LinearFun" => [.. Numbers(file, map, issue, path).Select(x => Field("slope", 1) * x)],
            "IdentityFun" => Numbers(file, map, issue, path),
            "ConstFun" => [.. issue.Ids.Select(_ => Field("bias", 0))],
            _ => throw Error(file, map["type"]!, path + ".type", $"value function '{Truncate(type)}' is not supported ({string.Join(", ", ValueFunctions)})"),
        };
    }

    private static double[] Table(SourceText file, RawMapping mapping, NegmasIssue issue, string path)
    {
        var row = new double[issue.Ids.Length];
        var seen = new bool[row.Length];
        foreach (var (key, value) in mapping.KeyedEntries)
        {
            var o = issue.IndexOf(key.Text);
            if (o < 0)
            {
                throw Error(file, key, $"{path}.{key.Text}", $"'{Truncate(key.Text)}' is not a value of issue '{Truncate(issue.Name)}'");
            }

            row[o] = Number(file, value, $"{path}.{key.Text}");
            seen[o] = true;
        }

        var missing = Array.IndexOf(seen, false);
        return missing < 0 ? row : throw Error(file, mapping, path, $"no utility for value '{Truncate(issue.Values?[missing] is { } n ? ExportNumber(n) : issue.Ids[missing])}' of issue '{Truncate(issue.Name)}'");
    }

    private static double[] Numbers(SourceText file, RawNode at, NegmasIssue issue, string path) =>
        issue.Values ?? [.. issue.Ids.Select(id => double.TryParse(id, NumberStyles.Float, CultureInfo.InvariantCulture, out var x)
            ? x
            : throw Error(file, at, path, $"a numeric value function needs numeric values, but issue '{Truncate(issue.Name)}' has the value '{Truncate(id)}'"))];

    private static string Text(SourceText file, RawMapping map, string key, string path) =>
        map[key] is RawScalar { IsNull: false } s ? s.Text : throw Error(file, map[key] ?? map, path == "$" ? key : $"{path}.{key}", $"missing '{key}'");

    private static double Number(SourceText file, RawNode node, string path)
    {
        if (node is RawScalar s)
        {
            switch (s.Text.Trim().ToLowerInvariant())
            {
                case ".inf" or "+.inf" or "inf" or "+inf":
                    return double.PositiveInfinity;
                case "-.inf" or "-inf":
                    return double.NegativeInfinity;
            }

            if (double.TryParse(s.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && !double.IsNaN(v))
            {
                return v;
            }
        }

        throw Error(file, node, path, $"expected a number, found {(node is RawScalar x ? $"'{Truncate(x.Text)}'" : node.Kind)}");
    }

    /// <summary>The class name without NegMAS's module path (<c>negmas.outcomes.CategoricalIssue</c> → <c>CategoricalIssue</c>).</summary>
    private static string Short(string type) => type[(type.LastIndexOf('.') + 1)..];

    private static string Truncate(string s) => s.Length <= YamlTreeReader.MaxQuoted ? s : s[..(YamlTreeReader.MaxQuoted - 1)] + "…";

    private static string ExportNumber(double v) => v.ToString("R", CultureInfo.InvariantCulture);

    private static ScenarioException Error(SourceText file, RawNode node, string path, string message) =>
        ImportErrors.Error(file.File, node.Span.Line, node.Span.Column, $"{path}: {message}");

    /// <summary>An issue: its option ids and, for numeric issues, the numbers (table keys match them numerically).</summary>
    private sealed record NegmasIssue(string Name, string[] Ids, double[]? Values)
    {
        public int IndexOf(string key)
        {
            if (Values is not null && double.TryParse(key, NumberStyles.Float, CultureInfo.InvariantCulture, out var x))
            {
                var k = Array.FindIndex(Values, v => v == x);
                if (k >= 0)
                {
                    return k;
                }
            }

            return Array.IndexOf(Ids, key);
        }
    }
}
