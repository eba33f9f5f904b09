using System.Globalization;
using Parley.Model;

namespace Parley.Scenarios;

internal sealed partial class ScenarioReader
{
    /// <summary>Longest message kept (a safety net; quoted input is already cut by <see cref="Truncate"/>).</summary>
    private const int MaxMessage = 600;

    private void Error(RawNode node, string message) => ErrorAt(node.Span.Line, node.Span.Column, message);

    private void ErrorAt(int line, int column, string message) =>
        diagnostics.Add(new(Severity.Error, file, line, column, message.Length > MaxMessage ? message[..MaxMessage] + "…" : message));

    private void Warning(RawNode node, string message) => diagnostics.Add(new(Severity.Warning, file, node.Span.Line, node.Span.Column, message));

    private bool HasErrors => diagnostics.Any(d => d.Severity == Severity.Error);

    /// <summary>A list of ids for a message: the first few, then how many more.</summary>
    private static string ListIds(IEnumerable<string> ids)
    {
        var all = ids.ToList();
        return all.Count <= 12 ? string.Join(", ", all) : string.Join(", ", all.Take(10)) + $", … ({all.Count - 10} more)";
    }

    private void CheckKeys(RawMapping map, IReadOnlyCollection<string> known, string what) => UnknownKeys.Check(map, known, what, file, diagnostics);

    private ValueList<RawNode> Items(RawNode node, string what)
    {
        if (node is RawSequence seq)
        {
            return seq.Items;
        }

        if (node is RawScalar { IsNull: true })
        {
            return ValueList<RawNode>.Empty;
        }

        Error(node, $"expected {what} as a list, found {node.Kind}");
        return ValueList<RawNode>.Empty;
    }

    private static IEnumerable<RawNode> ScalarOrList(RawNode? node) => node switch
    {
        null => [],
        RawScalar { IsNull: true } => [],
        RawSequence seq => seq.Items,
        _ => [node],
    };

    private RawMapping? Mapping(RawNode node, string what)
    {
        if (node is RawMapping map)
        {
            return map;
        }

        Error(node, $"expected {what} as a mapping, found {node.Kind}");
        return null;
    }

    private string Text(RawNode node)
    {
        if (node is RawScalar scalar)
        {
            return scalar.Text;
        }

        Error(node, $"expected a single value, found {node.Kind}");
        return "";
    }

    /// <summary>The text under <paramref name="key"/>, or null when the key is absent or its value is null (<c>key:</c>, <c>~</c>).</summary>
    private string? OptionalText(RawMapping map, string key) => map[key] is { } node and not RawScalar { IsNull: true } ? Text(node) : null;

    private string RequiredText(RawMapping map, string key, string what)
    {
        if (map[key] is { } node)
        {
            var text = Text(node);
            if (text.Length == 0 && node is RawScalar)
            {
                Error(node, $"'{key}' of {what} is empty");
            }

            return text;
        }

        Error(map, $"{what} is missing '{key}'");
        return "";
    }

    private string RequiredId(RawMapping map, string what, HashSet<string> seen)
    {
        var id = RequiredText(map, "id", what);
        if (map["id"] is RawScalar node && id.Length > 0)
        {
            CheckId(node, what);
            if (!seen.Add(id))
            {
                Error(node, $"duplicate {what} id '{id}'");
            }
        }

        return id;
    }

    private void CheckId(RawScalar node, string what)
    {
        var id = node.Text;
        if (id.Length == 0 || id.Length > 64 || !(char.IsLetterOrDigit(id[0]) || id[0] == '_')
            || !id.All(ch => char.IsLetterOrDigit(ch) || ch is '_' or '-' or '.' or '+'))
        {
            Error(node, $"{what} id '{Truncate(id)}' is not valid; use letters, digits, '_', '-', '.', '+' (at most 64 characters, starting with a letter, digit or '_')");
        }
        else if (ConditionParser.IsKeyword(id))
        {
            Error(node, $"{what} id '{id}' is a keyword of the condition language; choose another");
        }
    }

    private static string Truncate(string text) => YamlTreeReader.Quote(text);

    private static bool TryNumber(RawNode node, out double value)
    {
        value = 0;
        return node is RawScalar { Quoted: false } scalar
            && double.TryParse(scalar.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out value)
            && double.IsFinite(value);
    }

    private double Number(RawNode node)
    {
        if (TryNumber(node, out var value))
        {
            return value;
        }

        Error(node, node is RawScalar s ? $"expected a number, found '{Truncate(s.Text)}'" : $"expected a number, found {node.Kind}");
        return 0;
    }

    private double RequiredNumber(RawMapping map, string key, string what)
    {
        if (map[key] is { } node)
        {
            return Number(node);
        }

        Error(map, $"{what} is missing '{key}'");
        return 0;
    }

    private bool Bool(RawNode node)
    {
        if (YamlBoolean.Parse(node is RawScalar s ? s.Text : "") is { } value)
        {
            return value;
        }

        Error(node, "expected true or false");
        return false;
    }

    /// <summary>Parses condition text at a scalar and maps syntax errors to the column of the problem.</summary>
    private (Condition Condition, ConditionSites Sites)? ParseCondition(RawNode node, string what)
    {
        if (node is not RawScalar scalar || scalar.IsNull)
        {
            Error(node, $"expected {what} as text, e.g. \"T in [T1, T2]\"");
            return null;
        }

        try
        {
            var sites = new ConditionSites();
            return (ConditionParser.Parse(scalar.Text, sites), sites);
        }
        catch (ConditionSyntaxException ex)
        {
            var (line, column) = Offset(scalar, ex.Offset);
            ErrorAt(line, column, $"{what}: {ex.Message}");
            return null;
        }
    }

    /// <summary>Position of a character of a scalar's value (exact for values written on one line).</summary>
    private static (int Line, int Column) Offset(RawScalar scalar, int offset) =>
        scalar.ValueColumn > 0 ? (scalar.Span.Line, scalar.ValueColumn + offset) : (scalar.Span.Line, scalar.Span.Column);

    /// <summary>Reports an error at a character of a condition's text.</summary>
    private void ErrorIn(RawScalar scalar, int offset, string message)
    {
        var (line, column) = Offset(scalar, offset);
        ErrorAt(line, column, message);
    }

    /// <summary>
    /// Parses a name case-insensitively, ignoring '-' and '_' (<c>close-stage</c> = <c>CloseStage</c>).
    /// Stricter than <see cref="Enum.TryParse{TEnum}(string, bool, out TEnum)"/>, which also accepts numbers and comma lists.
    /// </summary>
    private static bool TryParseName<T>(string text, out T value)
        where T : struct, Enum
    {
        var key = text.Replace("-", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal);
        foreach (var candidate in Enum.GetValues<T>())
        {
            if (string.Equals(candidate.ToString(), key, StringComparison.OrdinalIgnoreCase))
            {
                value = candidate;
                return true;
            }
        }

        value = default;
        return false;
    }

    private ValueList<string> IdList(RawNode? node, string what, Func<string, bool> exists, string kind)
    {
        var ids = new List<string>();
        foreach (var item in ScalarOrList(node))
        {
            if (item is not RawScalar)
            {
                Error(item, $"expected a {kind} id in {what}, found {item.Kind}");
                continue;
            }

            var id = Text(item);
            if (!exists(id))
            {
                // Unknown ids are left out so that later checks (cycles, feasibility) see only valid ones.
                Error(item, $"unknown {kind} '{Truncate(id)}' in {what}");
                continue;
            }

            if (ids.Contains(id))
            {
                Error(item, $"{kind} '{id}' is listed twice in {what}");
                continue;
            }

            ids.Add(id);
        }

        return ids.ToValueList();
    }
}
