using System.Text.Json;
using System.Text.Json.Nodes;
using Parley.Model;

namespace Parley.Studio.Document;

/// <summary>
/// The document the browser edits: the YAML tree as JSON, every scalar as its text (a null scalar as null), keys in
/// file order. From JSON, a text a plain scalar would read as null stays a string; numbers and booleans sent as JSON
/// values are taken as their text.
/// </summary>
internal static class TreeJson
{
    /// <summary>Deepest tree accepted (the YAML reader's own limit).</summary>
    public const int MaxDepth = 64;

    public static JsonNode? ToJson(RawNode node) => node switch
    {
        RawScalar s => s.IsNull ? null : JsonValue.Create(s.Text),
        RawSequence list => new JsonArray([.. list.Items.Select(ToJson)]),
        RawMapping map => Object(map),
        _ => throw new ArgumentException($"cannot show a {node.GetType().Name}", nameof(node)),
    };

    private static JsonObject Object(RawMapping map)
    {
        var obj = new JsonObject();
        foreach (var (key, value) in map.Entries)
        {
            obj[key] = ToJson(value);
        }

        return obj;
    }

    /// <summary>The tree as a YAML node; <paramref name="path"/> is the JSON path for errors.</summary>
    /// <exception cref="TreeException">The tree is too deep or holds something YAML cannot keep.</exception>
    public static RawNode FromJson(JsonNode? node, string path = "tree", int depth = 0)
    {
        if (depth > MaxDepth)
        {
            throw new TreeException(path, $"nested deeper than {MaxDepth} levels");
        }

        switch (node)
        {
            case null:
                // Written as the plain word, which every YAML reader takes as null.
                return new RawScalar("null");
            case JsonObject obj:
                return new RawMapping(obj.Select(kv => KeyValuePair.Create(kv.Key, FromJson(kv.Value, $"{path}.{kv.Key}", depth + 1))).ToValueList());
            case JsonArray array:
                return new RawSequence(array.Select((item, i) => FromJson(item, $"{path}[{i}]", depth + 1)).ToValueList());
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                var text = value.GetValue<string>();
                return new RawScalar(text) { Quoted = new RawScalar(text).IsNull };
            case JsonValue value when value.GetValueKind() is JsonValueKind.True or JsonValueKind.False:
                return new RawScalar(value.GetValue<bool>() ? "true" : "false");
            case JsonValue value when value.GetValueKind() == JsonValueKind.Number:
                // The number as the browser wrote it (JSON numbers are YAML numbers).
                return new RawScalar(value.ToJsonString());
            default:
                throw new TreeException(path, "expected a mapping, a list, text or null");
        }
    }
}

/// <summary>A tree the workbench cannot turn into YAML; <see cref="Path"/> is the JSON path of the offending node.</summary>
internal sealed class TreeException(string path, string message) : Exception($"{path}: {message}")
{
    public string Path { get; } = path;
}
