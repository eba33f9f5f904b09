using System.Globalization;
using Parley.Model;

namespace Parley.Scenarios;

internal sealed partial class ScenarioReader
{
    private void Error(YNode node, string message) => diagnostics.Add(new(Severity.Error, file, node.Line, node.Column, message));

    private void ErrorAt(int line, int column, string message) => diagnostics.Add(new(Severity.Error, file, line, column, message));

    private void Warning(YNode node, string message) => diagnostics.Add(new(Severity.Warning, file, node.Line, node.Column, message));

    private void CheckKeys(YMapping map, IReadOnlyCollection<string> known, string what)
    {
        foreach (var entry in map.Entries)
        {
            if (!known.Contains(entry.Key.Value))
            {
                var hint = known.MinBy(k => Distance(k, entry.Key.Value));
                var suggestion = hint is not null && Distance(hint, entry.Key.Value) <= 2 ? $" (did you mean '{hint}'?)" : "";
                Error(entry.Key, $"unknown key '{entry.Key.Value}' in {what}{suggestion}; expected one of {string.Join(", ", known)}");
            }
        }
    }

    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }
        }

        return d[a.Length, b.Length];
    }

    private IEnumerable<YNode> Items(YNode node, string what)
    {
        if (node is YSequence seq)
        {
            return seq.Items;
        }

        if (node is YScalar { IsNull: true })
        {
            return [];
        }

        Error(node, $"expected {what} as a list, found {node.Kind}");
        return [];
    }

    private static IEnumerable<YNode> ScalarOrList(YNode? node) => node switch
    {
        null => [],
        YScalar { IsNull: true } => [],
        YSequence seq => seq.Items,
        _ => [node],
    };

    private YMapping? Mapping(YNode node, string what)
    {
        if (node is YMapping map)
        {
            return map;
        }

        Error(node, $"expected {what} as a mapping, found {node.Kind}");
        return null;
    }

    private string Text(YNode node)
    {
        if (node is YScalar scalar)
        {
            return scalar.Value;
        }

        Error(node, $"expected a single value, found {node.Kind}");
        return "";
    }

    private string? OptionalText(YMapping map, string key) => map[key] is { } node ? Text(node) : null;

    private string RequiredText(YMapping map, string key, string what)
    {
        if (map[key] is { } node)
        {
            var text = Text(node);
            if (text.Length == 0)
            {
                Error(node, $"'{key}' of {what} is empty");
            }

            return text;
        }

        Error(map, $"{what} is missing '{key}'");
        return "";
    }

    private string RequiredId(YMapping map, string what, HashSet<string> seen)
    {
        var id = RequiredText(map, "id", what);
        if (map["id"] is YScalar node && id.Length > 0)
        {
            CheckId(node, what);
            if (!seen.Add(id))
            {
                Error(node, $"duplicate {what} id '{id}'");
            }
        }

        return id;
    }

    private void CheckId(YScalar node, string what)
    {
        var id = node.Value;
        if (id.Length == 0 || id.Length > 64 || !(char.IsLetterOrDigit(id[0]) || id[0] == '_')
            || !id.All(ch => char.IsLetterOrDigit(ch) || ch is '_' or '-' or '.' or '+'))
        {
            Error(node, $"{what} id '{Truncate(id)}' is not valid; use letters, digits, '_', '-', '.', '+' (at most 64 characters, starting with a letter, digit or '_')");
        }
        else if (id.ToLowerInvariant() is "and" or "or" or "not" or "if" or "then" or "iff" or "in")
        {
            Error(node, $"{what} id '{id}' is a keyword of the condition language; choose another");
        }
    }

    private static string Truncate(string text) => text.Length > 40 ? text[..40] + "…" : text;

    private static bool TryNumber(YNode node, out double value)
    {
        value = 0;
        return node is YScalar { Quoted: false } scalar
            && double.TryParse(scalar.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out value)
            && double.IsFinite(value);
    }

    private double Number(YNode node)
    {
        if (TryNumber(node, out var value))
        {
            return value;
        }

        Error(node, node is YScalar s ? $"expected a number, found '{Truncate(s.Value)}'" : $"expected a number, found {node.Kind}");
        return 0;
    }

    private double RequiredNumber(YMapping map, string key, string what)
    {
        if (map[key] is { } node)
        {
            return Number(node);
        }

        Error(map, $"{what} is missing '{key}'");
        return 0;
    }

    private bool Bool(YNode node)
    {
        var text = node is YScalar s ? s.Value.ToLowerInvariant() : "";
        switch (text)
        {
            case "true" or "yes" or "on":
                return true;
            case "false" or "no" or "off":
                return false;
            default:
                Error(node, "expected true or false");
                return false;
        }
    }

    /// <summary>Parses condition text at a scalar and maps syntax errors to the scalar's position.</summary>
    private Condition? ParseCondition(YNode node, string what)
    {
        if (node is not YScalar scalar)
        {
            Error(node, $"expected {what} as text, e.g. \"T in [T1, T2]\"");
            return null;
        }

        try
        {
            return ConditionParser.Parse(scalar.Value);
        }
        catch (ConditionSyntaxException ex)
        {
            var (line, column) = Offset(scalar, ex.Offset);
            ErrorAt(line, column, $"{what}: {ex.Message}");
            return null;
        }
    }

    /// <summary>Position of a character of a scalar's value (exact for single-line scalars).</summary>
    private static (int Line, int Column) Offset(YScalar scalar, int offset) =>
        scalar.Value.Contains('\n') ? (scalar.Line, scalar.Column) : (scalar.Line, scalar.Column + (scalar.Quoted ? 1 : 0) + offset);

    private ValueList<string> IdList(YNode? node, string what, Func<string, bool> exists, string kind)
    {
        var ids = new List<string>();
        foreach (var item in ScalarOrList(node))
        {
            var id = Text(item);
            if (!exists(id))
            {
                Error(item, $"unknown {kind} '{Truncate(id)}' in {what}");
            }
            else if (ids.Contains(id))
            {
                Error(item, $"{kind} '{id}' is listed twice in {what}");
                continue;
            }

            ids.Add(id);
        }

        return ids.ToValueList();
    }
}
