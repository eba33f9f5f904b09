using System.Text.Json;
using Parley.Model;
using Parley.Scenarios;

namespace Parley.Conflict;

/// <summary>
/// Reads gmcr-py / GMCR+ save files (<c>.gmcr</c>, JSON). Options are regrouped by decision maker as
/// gmcr-py does on load, so state codes and ordered numbers match gmcr-py's. Errors name the JSON path.
/// </summary>
internal static class GmcrImport
{
    /// <summary>Files larger than this are refused before parsing.</summary>
    public const int MaxBytes = 16 * 1024 * 1024;

    /// <summary>Parses a save file; throws <see cref="ScenarioException"/> with located diagnostics on bad input.</summary>
    public static GmcrConflict Parse(ReadOnlySpan<byte> json, string file)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json.ToArray(), new JsonDocumentOptions { MaxDepth = 64, AllowTrailingCommas = true });
        }
        catch (JsonException ex)
        {
            throw Fail(file, (int)(ex.LineNumber ?? 0) + 1, (int)(ex.BytePositionInLine ?? 0) + 1, "not valid JSON: " + ex.Message.Split(" Path:")[0]);
        }

        using (doc)
        {
            try
            {
                return Read(doc.RootElement, file);
            }
            catch (GmcrFormatException ex)
            {
                throw Fail(file, 1, 1, $"{ex.Path}: {ex.Message}");
            }
            catch (ArgumentException ex)
            {
                throw Fail(file, 1, 1, ex.Message);
            }
        }
    }

    private static ScenarioException Fail(string file, int line, int col, string message) =>
        new([new Diagnostic(Severity.Error, file, line, col, message)]);

    private static GmcrConflict Read(JsonElement root, string file)
    {
        Expect(root, JsonValueKind.Object, "$", "a gmcr-py save file (a JSON object with options and decisionMakers)");
        var optionsEl = Prop(root, "options", "$");
        Expect(optionsEl, JsonValueKind.Array, "$.options", "a list of options");
        var fileOptions = new List<(string Name, OptionDirection Dir)>();
        var i = 0;
        foreach (var o in optionsEl.EnumerateArray())
        {
            var path = $"$.options[{i++}]";
            Expect(o, JsonValueKind.Object, path, "an option {name, permittedDirection}");
            var name = Str(Prop(o, "name", path), path + ".name");
            var dir = o.TryGetProperty("permittedDirection", out var d) ? Str(d, path + ".permittedDirection") : "both";
            fileOptions.Add((name, dir switch
            {
                "both" => OptionDirection.Both,
                "fwd" => OptionDirection.Forward,
                "back" => OptionDirection.Backward,
                _ => throw new GmcrFormatException(path + ".permittedDirection", $"unknown direction '{dir}'; expected both, fwd or back"),
            }));
        }

        if (fileOptions.Count == 0)
        {
            throw new GmcrFormatException("$.options", "the conflict has no options");
        }

        var dmsEl = Prop(root, "decisionMakers", "$");
        Expect(dmsEl, JsonValueKind.Array, "$.decisionMakers", "a list of decision makers");
        var newIndex = new int[fileOptions.Count];
        Array.Fill(newIndex, -1);
        var options = new List<ModelOption>();
        var dms = new List<ModelDecisionMaker>();
        var dmElements = dmsEl.EnumerateArray().ToList();
        for (var di = 0; di < dmElements.Count; di++)
        {
            var path = $"$.decisionMakers[{di}]";
            var dm = dmElements[di];
            Expect(dm, JsonValueKind.Object, path, "a decision maker {name, options, preferences}");
            var name = Str(Prop(dm, "name", path), path + ".name");
            long mask = 0;
            var oi = 0;
            foreach (var idx in Arr(Prop(dm, "options", path), path + ".options"))
            {
                var opath = $"{path}.options[{oi++}]";
                var k = Index(idx, opath, fileOptions.Count, "option");
                if (newIndex[k] >= 0)
                {
                    throw new GmcrFormatException(opath, $"option {k} ('{fileOptions[k].Name}') is already controlled by another decision maker");
                }

                newIndex[k] = options.Count;
                mask |= 1L << options.Count;
                options.Add(new ModelOption($"o{k}", fileOptions[k].Name, fileOptions[k].Dir));
            }

            dms.Add(new ModelDecisionMaker(name, name, mask));
        }

        if (dms.Count < 2)
        {
            throw new GmcrFormatException("$.decisionMakers", "a conflict needs at least two decision makers");
        }

        var orphan = Array.IndexOf(newIndex, -1);
        if (orphan >= 0)
        {
            throw new GmcrFormatException($"$.options[{orphan}]", $"option '{fileOptions[orphan].Name}' is controlled by no decision maker");
        }

        if (options.Count > ConflictModelBuilder.MaxOptions)
        {
            throw new GmcrFormatException("$.options", $"{options.Count} options; at most {ConflictModelBuilder.MaxOptions} can be enumerated");
        }

        var infeasible = root.TryGetProperty("infeasibles", out var inf)
            ? Arr(inf, "$.infeasibles").Select((c, ci) => Condition(c, $"$.infeasibles[{ci}]", newIndex)).ToArray()
            : [];
        var manual = Flag(root, "useManualPreferenceRanking") || Flag(root, "useManualPreferenceVectors");
        var prefs = new List<PayoffSource>();
        var mis = new List<Func<long, bool>?>();
        for (var di = 0; di < dmElements.Count; di++)
        {
            var path = $"$.decisionMakers[{di}]";
            var dm = dmElements[di];
            JsonElement ranking = default;
            var hasRanking = dm.TryGetProperty("preferenceRanking", out ranking) || dm.TryGetProperty("preferenceVector", out ranking);
            if (manual && hasRanking)
            {
                var rpath = path + (dm.TryGetProperty("preferenceRanking", out _) ? ".preferenceRanking" : ".preferenceVector");
                prefs.Add(new PayoffSource.RankingIds([.. Arr(ranking, rpath).Select((t, ti) => (IReadOnlyList<int>)(t.ValueKind == JsonValueKind.Array
                    ? [.. t.EnumerateArray().Select((x, xi) => Int(x, $"{rpath}[{ti}][{xi}]"))]
                    : [Int(t, $"{rpath}[{ti}]")]))]));
            }
            else
            {
                var statements = dm.TryGetProperty("preferences", out var p)
                    ? Arr(p, path + ".preferences").Select((c, ci) => Condition(c, $"{path}.preferences[{ci}]", newIndex)).ToList()
                    : [];
                prefs.Add(new PayoffSource.Statements(statements));
            }

            if (dm.TryGetProperty("misperceptions", out var m) && m.ValueKind == JsonValueKind.Array && m.GetArrayLength() > 0)
            {
                var conds = Arr(m, path + ".misperceptions").Select((c, ci) => Condition(c, $"{path}.misperceptions[{ci}]", newIndex)).ToArray();
                mis.Add(s => Array.Exists(conds, f => f(s)));
            }
            else
            {
                mis.Add(null);
            }
        }

        var model = ConflictModelBuilder.Build(options, dms, s => !Array.Exists(infeasible, f => f(s)), prefs, mis, null);
        return new GmcrConflict(model, Coalitions(root, dms.Count));
    }

    /// <summary>gmcr-py's <c>coalitions</c>: a list whose items are DM indexes or lists of DM indexes.</summary>
    private static List<IReadOnlyList<int>>? Coalitions(JsonElement root, int dmCount)
    {
        if (!root.TryGetProperty("coalitions", out var c) || c.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        var groups = new List<IReadOnlyList<int>>();
        var ci = 0;
        foreach (var item in c.EnumerateArray())
        {
            var path = $"$.coalitions[{ci++}]";
            groups.Add(item.ValueKind == JsonValueKind.Array
                ? [.. item.EnumerateArray().Select((x, xi) => Index(x, $"{path}[{xi}]", dmCount, "decision maker"))]
                : [Index(item, path, dmCount, "decision maker")]);
        }

        return groups.All(g => g.Count == 1) ? null : groups;
    }

    /// <summary>A condition: a list of [option, "Y"|"N"] pairs (all must hold), or {compound: true, members: [...]} (any).</summary>
    private static Func<long, bool> Condition(JsonElement c, string path, int[] newIndex)
    {
        if (c.ValueKind == JsonValueKind.Object)
        {
            var members = Arr(Prop(c, "members", path), path + ".members").Select((m, mi) => Condition(m, $"{path}.members[{mi}]", newIndex)).ToArray();
            return s => Array.Exists(members, f => f(s));
        }

        long care = 0;
        long want = 0;
        var pi = 0;
        foreach (var pair in Arr(c, path))
        {
            var ppath = $"{path}[{pi++}]";
            if (pair.ValueKind != JsonValueKind.Array || pair.GetArrayLength() != 2)
            {
                throw new GmcrFormatException(ppath, "expected [optionIndex, \"Y\" or \"N\"]");
            }

            var bit = 1L << newIndex[Index(pair[0], ppath + "[0]", newIndex.Length, "option")];
            var yn = Str(pair[1], ppath + "[1]");
            care |= bit;
            want |= yn switch
            {
                "Y" => bit,
                "N" => 0,
                _ => throw new GmcrFormatException(ppath + "[1]", $"expected \"Y\" or \"N\", found \"{yn}\""),
            };
        }

        return s => (s & care) == want;
    }

    private static bool Flag(JsonElement root, string name) =>
        root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.True;

    private static void Expect(JsonElement e, JsonValueKind kind, string path, string what)
    {
        if (e.ValueKind != kind)
        {
            throw new GmcrFormatException(path, $"expected {what}, found {e.ValueKind.ToString().ToLowerInvariant()}");
        }
    }

    private static JsonElement Prop(JsonElement obj, string name, string path) =>
        obj.TryGetProperty(name, out var v) ? v : throw new GmcrFormatException(path, $"missing '{name}'");

    private static JsonElement.ArrayEnumerator Arr(JsonElement e, string path)
    {
        Expect(e, JsonValueKind.Array, path, "a list");
        return e.EnumerateArray();
    }

    private static string Str(JsonElement e, string path)
    {
        Expect(e, JsonValueKind.String, path, "a string");
        return e.GetString()!;
    }

    private static int Int(JsonElement e, string path) =>
        e.ValueKind == JsonValueKind.Number && e.TryGetInt32(out var v) ? v : throw new GmcrFormatException(path, "expected an integer");

    private static int Index(JsonElement e, string path, int count, string what)
    {
        var v = Int(e, path);
        return v >= 0 && v < count ? v : throw new GmcrFormatException(path, $"{what} index {v} is out of range 0..{count - 1}");
    }
}
