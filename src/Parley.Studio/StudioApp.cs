using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Parley.Studio.Api;
using Parley.Studio.Document;
using Parley.Web.Ui;

namespace Parley.Studio;

/// <summary>
/// Builds the workbench server (<c>parley studio</c>): the studio API, the UI embedded in this assembly (with the talks
/// UI's shared modules), on loopback. Requests whose Host is not a loopback name are refused, so a page elsewhere cannot
/// reach it through DNS rebinding; POSTs take JSON only, so another origin cannot send one without a preflight.
/// </summary>
public static class StudioApp
{
    /// <summary>Builds the app (not started).</summary>
    /// <exception cref="Scenarios.ScenarioException">The file exists but is not YAML.</exception>
    public static WebApplication Create(StudioOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var document = new StudioDocument(options);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ApplicationName = typeof(StudioApp).Assembly.GetName().Name });
        builder.WebHost.UseUrls(options.Urls);
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Limits.MaxRequestBodySize = options.MaxRequestBodyBytes;
            k.AddServerHeader = false;
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton(document);
        builder.Services.AddProblemDetails();

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.Use(async (http, next) =>
        {
            if (http.Request.Host.Host is not ("127.0.0.1" or "localhost" or "[::1]" or "::1"))
            {
                http.Response.StatusCode = StatusCodes.Status421MisdirectedRequest;
                return;
            }

            if (http.Request.ContentLength > options.MaxRequestBodyBytes)
            {
                http.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                return;
            }

            await next(http).ConfigureAwait(false);
        });
        app.MapStudioApi();
        app.MapStaticUi(typeof(StudioApp).Assembly, typeof(StaticUi).Assembly);
        return app;
    }

    /// <summary>The addresses the started app listens on (port 0 resolved).</summary>
    public static IReadOnlyList<string> Addresses(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return [.. app.Urls];
    }
}
