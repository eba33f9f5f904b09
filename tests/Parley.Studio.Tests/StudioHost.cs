using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Time.Testing;
using Parley.Tests;

namespace Parley.Studio.Tests;

/// <summary>The workbench server as <c>parley studio</c> runs it (loopback, free port), on a copy of an example in a temporary folder or on a new scenario.</summary>
internal sealed class StudioHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private StudioHost(WebApplication app, HttpClient http, string folder, string? file, FakeTimeProvider time)
    {
        _app = app;
        Http = http;
        Folder = folder;
        File = file;
        Time = time;
    }

    public HttpClient Http { get; }

    public string Folder { get; }

    public string? File { get; }

    public FakeTimeProvider Time { get; }

    public static async Task<StudioHost> StartAsync(string? example = "ukraine-talks-2025.yaml", string? text = null, long maxBody = 4 * 1024 * 1024)
    {
        var folder = Directory.CreateTempSubdirectory("parley-studio-api-").FullName;
        string? file = null;
        if (example is not null)
        {
            file = Path.Combine(folder, example);
            if (text is null)
            {
                System.IO.File.Copy(TestPaths.Example(example), file);
            }
            else
            {
                await System.IO.File.WriteAllTextAsync(file, text);
            }
        }

        var time = new FakeTimeProvider(new DateTimeOffset(2025, 8, 18, 16, 30, 0, TimeSpan.Zero));
        var app = StudioApp.Create(new StudioOptions { File = file, Time = time, MaxRequestBodyBytes = maxBody });
        await app.StartAsync();
        var http = new HttpClient { BaseAddress = new Uri(StudioApp.Addresses(app)[0]) };
        return new StudioHost(app, http, folder, file, time);
    }

    public async Task<JsonObject> DocumentAsync() => (await Http.GetFromJsonAsync<JsonObject>("/api/studio/document"))!;

    public async Task<JsonObject> TreeAsync() => (await DocumentAsync())["tree"]!.DeepClone().AsObject();

    public Task<HttpResponseMessage> PostAsync(string route, JsonObject body) =>
        Http.PostAsync("/api/studio/" + route, new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"));

    public static async Task<JsonObject> JsonAsync(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // Left for the system's temporary-file cleanup.
        }
    }
}
