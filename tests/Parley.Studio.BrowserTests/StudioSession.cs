using Microsoft.AspNetCore.Builder;
using Microsoft.Playwright;
using Parley.Tests;

namespace Parley.Studio.BrowserTests;

/// <summary>
/// The workbench as <c>parley studio [FILE]</c> runs it (StudioApp in-process on a free loopback port, on a copy of an
/// example in a temporary folder, or on a new scenario) with Debian's Chromium on its page. Every content-security-policy
/// refusal and uncaught script error is collected, so a test can assert there were none.
/// </summary>
internal sealed class StudioSession : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    private StudioSession(WebApplication app, IPlaywright playwright, IBrowser browser, IPage page, string folder, string? file)
    {
        _app = app;
        _playwright = playwright;
        _browser = browser;
        Page = page;
        Folder = folder;
        File = file;
    }

    public IPage Page { get; }

    public string Folder { get; }

    public string? File { get; }

    public List<string> Errors { get; } = [];

    public static async Task<StudioSession> StartAsync(string? example)
    {
        Requirement.Ensure(ChromiumFactAttribute.WhyMissing);
        var folder = Directory.CreateTempSubdirectory("parley-studio-ui-").FullName;
        string? file = null;
        if (example is not null)
        {
            file = Path.Combine(folder, example);
            System.IO.File.Copy(TestPaths.Example(example), file);
        }

        var app = StudioApp.Create(new StudioOptions { File = file });
        await app.StartAsync();
        var playwright = await Playwright.CreateAsync();
        var browser = await Chromium.LaunchAsync(playwright);
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1440, Height = 1000 } });
        context.SetDefaultTimeout(30_000);
        var page = await context.NewPageAsync();
        var session = new StudioSession(app, playwright, browser, page, folder, file);
        page.Console += (_, m) =>
        {
            if (m.Type == "error" && !m.Text.Contains("Failed to load resource", StringComparison.Ordinal))
            {
                session.Errors.Add(m.Text);
            }
        };
        page.PageError += (_, e) => session.Errors.Add(e);
        await page.GotoAsync(StudioApp.Addresses(app)[0]);
        return session;
    }

    /// <summary>Lens answers can take a while on two shared cores (Debug build, every lens at once).</summary>
    public static LocatorAssertionsToHaveTextOptions Slow { get; } = new() { Timeout = 60_000 };

    /// <summary>The workbench on the flagship, once its empty agreement zone is on screen, on <paramref name="tab"/> when given.</summary>
    public static async Task<StudioSession> FlagshipAsync(string? tab = null)
    {
        var session = await StartAsync("ukraine-talks-2025.yaml");
        await Assertions.Expect(session.TestId("zone-size")).ToHaveTextAsync("0", Slow);
        if (tab is not null)
        {
            await session.TabAsync(tab);
        }

        return session;
    }

    /// <summary>The control bound to a JSON pointer of the tree (its <c>data-field</c>).</summary>
    public ILocator Field(string pointer) => Page.Locator($"[data-field='{pointer}']").First;

    public Task FillAsync(string pointer, string value) => Field(pointer).FillAsync(value);

    public Task SelectAsync(string pointer, string value) => Field(pointer).SelectOptionAsync(value);

    public Task AddAsync(string pointer) => Page.Locator($"[data-add='{pointer}']").First.ClickAsync();

    /// <summary>Ticks one id of a set of references (participants, agenda, roles…).</summary>
    public Task PickAsync(string pointer, string id) => Page.Locator($"[data-field='{pointer}'] input[value='{id}']").CheckAsync();

    public Task TabAsync(string tab) => Page.Locator($"[data-tab='{tab}']").ClickAsync();

    public ILocator TestId(string id) => Page.GetByTestId(id);

    public async Task ScreenshotAsync(string name)
    {
        await Chromium.ScreenshotAsync(Page, name);
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by the server: the temporary folder is cleaned up by the system.
        }
    }
}
