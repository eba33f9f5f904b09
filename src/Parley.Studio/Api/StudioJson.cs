using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Parley.Studio.Api;

/// <summary>The workbench's JSON: camelCase, nulls of records left out (a tree's nulls are kept: they are values).</summary>
internal static class StudioJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,

        // Served as application/json only, never inside HTML: plots' markup need not be escaped (a third of their size).
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
