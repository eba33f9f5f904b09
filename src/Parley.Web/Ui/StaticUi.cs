using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Parley.Web.Ui;

/// <summary>
/// Serves the browser UI from resources embedded in this assembly (<c>wwwroot/</c>): no files beside
/// the binary, no external assets, a strict Content-Security-Policy (same-origin scripts, styles,
/// connections and images only). The studio serves its own UI the same way, with this assembly's shared modules
/// (<c>dom.js</c>) behind its own.
/// </summary>
internal static class StaticUi
{
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    /// <summary>Serves <c>/</c> and <c>/ui/NAME</c> from the first of <paramref name="sources"/> that holds <c>ui/NAME</c> (default: this assembly).</summary>
    public static void MapStaticUi(this IEndpointRouteBuilder app, params Assembly[] sources)
    {
        Assembly[] from = sources.Length > 0 ? sources : [typeof(StaticUi).Assembly];
        app.MapGet("/", (HttpContext http) => Serve(http, from, "index.html")).ExcludeFromDescription();
        app.MapGet("/ui/{name}", (HttpContext http, string name) => Serve(http, from, name)).ExcludeFromDescription();
    }

    private static IResult Serve(HttpContext http, Assembly[] sources, string name)
    {
        var stream = sources.Select(a => a.GetManifestResourceStream("ui/" + name)).FirstOrDefault(s => s is not null);
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
