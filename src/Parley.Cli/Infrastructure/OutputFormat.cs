using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Parley.Cli.Infrastructure;

/// <summary>How a command prints its results.</summary>
internal enum OutputFormat
{
    Table,
    Json,
}

/// <summary>The shared <c>--format</c> option and JSON settings, so every command prints JSON the same way.</summary>
internal static class Output
{
    public static JsonSerializerOptions Json { get; } = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static Option<OutputFormat> FormatOption(params OutputFormat[] allowed)
    {
        var option = new Option<OutputFormat>("--format", "-f")
        {
            Description = "Output format: " + string.Join(" or ", (allowed.Length > 0 ? allowed : Enum.GetValues<OutputFormat>()).Select(f => f.ToString().ToLowerInvariant())) + ".",
            DefaultValueFactory = _ => OutputFormat.Table,
        };
        return option;
    }

    public static void WriteJson<T>(TextWriter writer, T value) => writer.WriteLine(JsonSerializer.Serialize(value, Json));
}
