using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Parley.Report.Diff;

/// <summary>The one JSON shape of a <see cref="SituationDiffResult"/>, for <c>parley diff --format json</c> and the studio alike.</summary>
public static class SituationDiffJson
{
    /// <summary>camelCase names, enums as camelCase strings, nulls left out, indented, dates as yyyy-MM-dd.</summary>
    public static JsonSerializerOptions Options { get; } = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    /// <summary>The result as JSON text: <c>{old, new, runs, seed, by?, illustrative, changes: [...], findings: [...]}</c>.</summary>
    public static string Serialize(SituationDiffResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return JsonSerializer.Serialize(new
        {
            old = result.Old,
            @new = result.New,
            runs = result.Runs,
            seed = result.Seed,
            by = result.By is { } by ? Words.Date(by) : null,
            illustrative = SituationDiffResult.Illustrative,
            changes = result.Changes,
            findings = result.Findings,
        }, Options);
    }
}
