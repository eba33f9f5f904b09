using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Parley.Talks.Service;
using Parley.Talks.Storage;
using Parley.Web.Api;
using Parley.Web.Hosting;
using Parley.Web.Ui;

namespace Parley.Web;

/// <summary>Builds the talks web server: JSON API, OpenAPI document, live feed, browser UI and the deadline service.</summary>
public static class TalksWebApp
{
    /// <summary>
    /// Opens the store named by <see cref="TalksWebOptions.Db"/>, applies its migrations and builds
    /// the application (not started). The caller owns the returned app; disposing it disposes the store.
    /// </summary>
    public static async Task<WebApplication> CreateAsync(TalksWebOptions options, Action<WebApplicationBuilder>? configure = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var store = EventStores.Open(options.Db);
        try
        {
            await store.MigrateAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await store.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ApplicationName = typeof(TalksWebApp).Assembly.GetName().Name });
        builder.WebHost.UseUrls(options.Urls);
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Limits.MaxRequestBodySize = options.MaxRequestBodyBytes;
            k.AddServerHeader = false;
        });
        builder.Logging.SetMinimumLevel(options.LogLevel);
        builder.Logging.AddFilter("Microsoft", LogLevel.Warning);

        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(options.Time);
        // A factory registration, so that disposing the app disposes (and flushes) the store.
        builder.Services.AddSingleton<IEventStore>(_ => store);
        builder.Services.AddSingleton(sp => new TalksService(sp.GetRequiredService<IEventStore>(), options.Time));
        builder.Services.AddHostedService<DeadlineService>();
        if (options.RequestsPerSecondPerCaller is { } rate)
        {
            builder.Services.AddRateLimiter(o => CallerRateLimit.Configure(o, rate));
        }

        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<ProblemExceptionHandler>();
        builder.Services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.ConfigureHttpJsonOptions(o => Configure(o.SerializerOptions));
        builder.Services.AddOpenApi(o => o.AddDocumentTransformer((doc, _, _) =>
        {
            doc.Info.Title = "Parley talks API";
            doc.Info.Description = "Confidential, staged talks: an event-sourced ledger with roles. Send 'Authorization: Bearer <token>'; commands take 'If-Match: \"<version>\"' and 'Idempotency-Key'. Errors are application/problem+json; a broken rule is 422 with 'rule'.";
            return Task.CompletedTask;
        }));
        configure?.Invoke(builder);

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.Use(async (http, next) =>
        {
            // Refuse a declared oversize body before reading it (Kestrel also stops chunked ones).
            if (http.Request.ContentLength > options.MaxRequestBodyBytes)
            {
                throw new BadHttpRequestException("request body too large", StatusCodes.Status413PayloadTooLarge);
            }

            await next(http).ConfigureAwait(false);
        });
        if (options.RequestsPerSecondPerCaller is not null)
        {
            app.UseRateLimiter();
        }

        // After routing (added first by WebApplication), before binding: authorization precedes every other check.
        app.Use(CallerFilter.InvokeAsync);

        app.MapOpenApi();
        app.MapTalksApi();
        app.MapBriefingApi();
        app.MapStaticUi();
        return app;
    }

    /// <summary>The addresses the started app listens on (resolves port 0).</summary>
    public static IReadOnlyList<string> Addresses(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return [.. app.Urls];
    }

    /// <summary>The API's JSON settings: camelCase, enums as kebab-case strings, nulls omitted, only finite numbers read.</summary>
    public static void Configure(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        options.NumberHandling = JsonNumberHandling.Strict;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false));
        options.Converters.Add(new FiniteDoubleConverter());
    }
}
