using System.Text.Json;
using System.Text.Json.Serialization;

namespace Parley.Talks.Ledger;

/// <summary>The one JSON shape of events, used by every store and by the API.</summary>
public static class EventJson
{
    /// <summary>camelCase, enums as kebab-case strings, nulls omitted.</summary>
    public static JsonSerializerOptions Options { get; } = Create();

    /// <summary>Serialises an event with its <c>type</c> discriminator.</summary>
    public static string Serialize(TalksEvent e) => JsonSerializer.Serialize(e, Options);

    /// <summary>Reads an event written by <see cref="Serialize"/>.</summary>
    public static TalksEvent Deserialize(string json) =>
        JsonSerializer.Deserialize<TalksEvent>(json, Options) ?? throw new JsonException("null event");

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
