using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Parley.Web.Ui;

/// <summary>
/// Serves the browser UI from resources embedded in this assembly (<c>wwwroot/</c>): no files beside
/// the binary, no external assets, a strict Content-Security-Policy (same-origin scripts, styles,
/// connections and images only).
/// </summary>
internal static class StaticUi
{
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private static readonly Assembly Assembly = typeof(StaticUi).Assembly;

    public static void MapStaticUi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", (HttpContext http) => Serve(http, "index.html")).ExcludeFromDescription();
        app.MapGet("/ui/{name}", (HttpContext http, string name) => Serve(http, name)).ExcludeFromDescription();
    }

    private static IResult Serve(HttpContext http, string name)
    {
        var stream = Assembly.GetManifestResourceStream("ui/" + name);
        if (stream is null)
        {
            return Results.NotFound();
        }

        http.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers.CacheControl = "no-cache";
        var type = Path.GetExtension(name) switch
        {
            ".html" => "text/html; charset=utf-8",
            ".js" => "text/javascript; charset=utf-8",
            ".css" => "text/css; charset=utf-8",
            ".svg" => "image/svg+xml",
            _ => "application/octet-stream",
        };
        return Results.Stream(stream, type);
    }
}
