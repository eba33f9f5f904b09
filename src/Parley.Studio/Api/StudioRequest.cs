using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Parley.Studio.Api;

/// <summary>A request the workbench refuses: its status, and the field (JSON path) it is about.</summary>
internal sealed class StudioRequestException(int status, string field, string message) : Exception(message)
{
    public int Status { get; } = status;

    public string Field { get; } = field;
}

/// <summary>
/// A JSON request body, read and checked before any work: JSON only (415 otherwise), within the size limit, an object;
/// each field read with its JSON path in the error.
/// </summary>
internal sealed class StudioRequest
{
    private readonly JsonObject _body;

    private StudioRequest(JsonObject body) => _body = body;

    public static async Task<StudioRequest> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentType is not { } type || !type.Split(';')[0].Trim().Equals("application/json", StringComparison.OrdinalIgnoreCase))
        {
            throw new StudioRequestException(StatusCodes.Status415UnsupportedMediaType, "Content-Type", "send the body as application/json");
        }

        try
        {
            var node = await JsonNode.ParseAsync(request.Body, documentOptions: new JsonDocumentOptions { MaxDepth = 128 }, cancellationToken: cancellationToken).ConfigureAwait(false);
            return node is JsonObject body ? new StudioRequest(body) : throw new StudioRequestException(400, "$", "expected a JSON object");
        }
        catch (JsonException ex)
        {
            throw new StudioRequestException(400, "$", $"invalid JSON at line {(ex.LineNumber ?? 0) + 1}, byte {(ex.BytePositionInLine ?? 0) + 1}");
        }
    }

    /// <summary>The value at <paramref name="name"/>, which must be present.</summary>
    public JsonNode? Required(string name) =>
        _body.TryGetPropertyValue(name, out var value) ? value : throw new StudioRequestException(400, name, $"'{name}' is required");

    public string? Text(string name)
    {
        if (!_body.TryGetPropertyValue(name, out var value) || value is null)
        {
            return null;
        }

        return value is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : throw new StudioRequestException(400, name, $"'{name}' must be text");
    }

    public int Int(string name, int fallback, int min, int max)
    {
        if (!_body.TryGetPropertyValue(name, out var value) || value is null)
        {
            return fallback;
        }

        if (value is JsonValue v && v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<int>(out var n) && n >= min && n <= max)
        {
            return n;
        }

        throw new StudioRequestException(400, name, string.Create(CultureInfo.InvariantCulture, $"'{name}' must be a whole number from {min} to {max}"));
    }

    public DateOnly? Date(string name) => Text(name) is not { } text
        ? null
        : DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day
            : throw new StudioRequestException(400, name, $"'{name}' must be a date as YYYY-MM-DD");
}
