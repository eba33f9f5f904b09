using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Parley.Talks.Access;
using Parley.Talks.Service;
using Parley.Talks.Tests;
using Parley.Web;

namespace Parley.Web.Tests;

/// <summary>
/// The real server on Kestrel at 127.0.0.1 on a free port, over a fresh store, with a fake clock
/// (set before the flagship's deadlines) and every log line captured. The flagship is open as demo talks.
/// </summary>
public sealed class TalksServer : IAsyncDisposable
{
    public const string TalksId = "ukraine-talks-2025";

    private readonly TestStore? _pgStore;
    private readonly DirectoryInfo? _dir;

    private TalksServer(WebApplication app, FakeTimeProvider time, Dictionary<string, string> tokens, ConcurrentQueue<string> logs, DirectoryInfo? dir, TestStore? pg)
    {
        App = app;
        Time = time;
        _tokens = tokens;
        Logs = logs;
        _dir = dir;
        _pgStore = pg;
        BaseAddress = new Uri(TalksWebApp.Addresses(app)[0]);
        Http = new HttpClient { BaseAddress = BaseAddress };
    }

    public WebApplication App { get; }

    public FakeTimeProvider Time { get; }

    /// <summary>Token per role: party ids (RU, UA, US, EU, NATO), "mediator", "observer", "organiser".</summary>
    public IReadOnlyDictionary<string, string> Tokens => _tokens;

    private readonly Dictionary<string, string> _tokens;

    /// <summary>Names one more token (e.g. a revoked one) for <see cref="Request"/>.</summary>
    public void AddToken(string role, string token) => _tokens[role] = token;

    public ConcurrentQueue<string> Logs { get; }

    public Uri BaseAddress { get; }

    public HttpClient Http { get; }

    public TalksService Service => App.Services.GetRequiredService<TalksService>();

    public static async Task<TalksServer> StartAsync(string kind = "sqlite", TimeSpan? sweep = null, long maxBody = 64 * 1024, int? rateLimit = null)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 8, 5, 9, 0, 0, TimeSpan.Zero));
        DirectoryInfo? dir = null;
        TestStore? pg = null;
        string db;
        if (kind == "sqlite")
        {
            dir = Directory.CreateTempSubdirectory("parley-web-");
            db = Path.Combine(dir.FullName, "web.db");
        }
        else
        {
            pg = await TestStores.CreateAsync("postgres");
            db = pg.ConnectionString!;
        }

        var logs = new ConcurrentQueue<string>();
        var options = new TalksWebOptions
        {
            Urls = "http://127.0.0.1:0",
            Db = db,
            Time = time,
            DeadlineSweepInterval = sweep ?? TimeSpan.FromMinutes(1),
            MaxRequestBodyBytes = maxBody,
            LogLevel = LogLevel.Trace,
            RequestsPerSecondPerCaller = rateLimit,
        };
        var app = await TalksWebApp.CreateAsync(options, b =>
        {
            b.Logging.AddFilter(_ => true);
            b.Logging.AddProvider(new CapturingLoggerProvider(logs));
        });
        await app.StartAsync();
        var service = app.Services.GetRequiredService<TalksService>();
        var organiser = await service.EnsureOrganiserAsync(rotate: false);
        var created = await DemoTalks.OpenAsync(service);
        var tokens = created.Tokens.ToDictionary(t => t.Kind switch
        {
            RoleKind.Party => t.Party!,
            RoleKind.Mediator => "mediator",
            _ => "observer",
        }, t => t.Token);
        tokens["organiser"] = organiser!.Token;
        return new TalksServer(app, time, tokens, logs, dir, pg);
    }

    public HttpRequestMessage Request(HttpMethod method, string path, string? role = null, object? body = null)
    {
        var request = new HttpRequestMessage(method, path);
        if (role is not null && role != "public")
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Tokens[role]);
        }

        if (body is not null)
        {
            request.Content = body as HttpContent ?? JsonContent.Create(body, options: JsonOptions);
        }

        return request;
    }

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? role = null, object? body = null, Action<HttpRequestMessage>? edit = null)
    {
        using var request = Request(method, path, role, body);
        edit?.Invoke(request);
        return await Http.SendAsync(request);
    }

    public async Task<JsonElement> GetJsonAsync(string path, string? role = null)
    {
        using var response = await SendAsync(HttpMethod.Get, path, role);
        Assert.True(response.IsSuccessStatusCode, $"GET {path} as {role}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public async Task<JsonElement> PostOkAsync(string path, string role, object? body = null, HttpMethod? method = null)
    {
        using var response = await SendAsync(method ?? HttpMethod.Post, path, role, body ?? new { });
        Assert.True(response.IsSuccessStatusCode, $"{method ?? HttpMethod.Post} {path} as {role}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static JsonSerializerOptions JsonOptions { get; } = CreateJsonOptions();

    private static JsonSerializerOptions CreateJsonOptions()
    {
        var o = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        TalksWebApp.Configure(o);
        return o;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        if (_pgStore is not null)
        {
            await _pgStore.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _dir?.Delete(recursive: true);
    }

    private sealed class CapturingLoggerProvider(ConcurrentQueue<string> logs) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, logs);

        public void Dispose()
        {
        }

        private sealed class Logger(string category, ConcurrentQueue<string> logs) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                logs.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {exception}");
        }
    }
}
