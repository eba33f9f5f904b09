using System.Text.Json;
using System.Text.Json.Serialization;

namespace Parley.Web.Api;

/// <summary>Reads only finite JSON numbers as doubles: <c>1e400</c>, <c>"NaN"</c> and strings are refused at their JSON path (400).</summary>
internal sealed class FiniteDoubleConverter : JsonConverter<double>
{
    public override double Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.Number && reader.TryGetDouble(out var value) && double.IsFinite(value)
            ? value
            : throw new JsonException("a finite number is required");

    public override void Write(Utf8JsonWriter writer, double value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteNumberValue(value);
    }
}
