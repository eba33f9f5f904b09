using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Parley.Report;
using Parley.Talks.Service;

namespace Parley.Web.Api;

/// <summary>
/// <c>GET /api/talks/{id}/briefing</c>: the briefing of <c>parley report</c> on the live talks, computed
/// only on what the caller may see (<see cref="LiveScenario"/>): a self-contained HTML page, or its
/// summary as JSON. Deterministic: the same view of the talks, day, runs, seed and date give the same
/// answer. Authentication and the 401/404 answers are those of every route under <c>/api/talks/{id}</c>.
/// See docs/api.md.
/// </summary>
internal static class BriefingApi
{
    /// <summary>Most simulated runs a request may ask for (the outlook's cost grows with them).</summary>
    public const int MaxRuns = 20_000;

    /// <summary>The page has inline styles and SVG and never a script: a browser that opens it runs nothing.</summary>
    public const string ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static void MapBriefingApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/talks/{id}/briefing", BriefingAsync)
            .WithSummary($"The briefing of parley report on the live talks, computed only on what the caller may see. format=html (default) or json; runs (1–{MaxRuns}, default {ReportOptions.DefaultRuns}), seed (default {ReportOptions.DefaultSeed}), by (YYYY-MM-DD, today or later).")
            .Produces(StatusCodes.Status200OK, contentType: "text/html")
            .Produces(StatusCodes.Status200OK, contentType: "application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> BriefingAsync(HttpContext http, string id, string? format, string? runs, string? seed, string? by)
    {
        var caller = CallerFilter.Of(http);
        var json = format switch
        {
            null or "html" => false,
            "json" => true,
            _ => throw new BadHttpRequestException("format must be html or json"),
        };
        var service = (TalksService)http.RequestServices.GetService(typeof(TalksService))!;
        var today = DateOnly.FromDateTime(service.Time.GetUtcNow().UtcDateTime);
        var options = new ReportOptions(
            Number(runs, "runs", ReportOptions.DefaultRuns, 1, MaxRuns),
            Number(seed, "seed", ReportOptions.DefaultSeed, int.MinValue, int.MaxValue),
            Date(by, today));
        var ct = http.RequestAborted;
        // Read under the talks' lock; the lenses run after it is released.
        var live = await service.ReadAsync(id, s => LiveScenario.For(s, caller, today), ct).ConfigureAwait(false);
        var briefing = BriefingBuilder.Build(ReportContext.For(live, options), BriefingBuilder.LiveSections(), null, ct);

        // Private data may be on the page: never cached, never sniffed.
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers.XContentTypeOptions = "nosniff";
        if (json)
        {
            return Results.Text(JsonSerializer.Serialize(BriefingSummary.ToJson(briefing, null), Json), "application/json; charset=utf-8");
        }

        http.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        return Results.Text(briefing.Html, "text/html; charset=utf-8");
    }

    private static int Number(string? text, string name, int fallback, int min, int max)
    {
        if (text is null)
        {
            return fallback;
        }

        return int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max
            ? n
            : throw new BadHttpRequestException(min == int.MinValue
                ? $"{name} must be a whole number"
                : string.Create(CultureInfo.InvariantCulture, $"{name} must be a whole number between {min} and {max}"));
    }

    private static DateOnly? Date(string? text, DateOnly today)
    {
        if (text is null)
        {
            return null;
        }

        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) && date >= today
            ? date
            : throw new BadHttpRequestException($"by must be a date like {today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}, today or later");
    }
}
