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

    public static Option<OutputFormat> FormatOption() => new("--format", "-f")
    {
        Description = "Output format: table or json.",
        DefaultValueFactory = _ => OutputFormat.Table,
        CustomParser = result =>
        {
            var token = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
            if (Enum.TryParse<OutputFormat>(token, ignoreCase: true, out var format) && !int.TryParse(token, out _))
            {
                return format;
            }

            result.AddError($"--format must be table or json, not '{token}'");
            return OutputFormat.Table;
        },
    };

    public static void WriteJson<T>(TextWriter writer, T value) => writer.WriteLine(JsonSerializer.Serialize(value, Json));
}
