using Microsoft.Playwright;

namespace Parley.Tests;

/// <summary>Debian's Chromium, headless, as every browser test (web UI, briefing) launches it; screenshots go to <c>screenshots/</c> under the test output folder.</summary>
public static class Chromium
{
    public static string Screenshots { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public static async Task<IBrowser> LaunchAsync(IPlaywright playwright)
    {
        Requirement.Ensure(ChromiumFactAttribute.WhyMissing);
        return await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumFactAttribute.Executable,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>A full-page screenshot as <c>screenshots/<paramref name="name"/>.png</c>.</summary>
    public static async Task ScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(Screenshots);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, name + ".png"), FullPage = true });
    }
}
