using Microsoft.Playwright;
using Parley.Tests;

namespace Parley.Report.BrowserTests;

/// <summary>Launches the system Chromium headless with the project's fixed flags (no downloads, no background traffic).</summary>
internal static class Browser
{
    public const string ExecutablePath = "/usr/bin/chromium";

    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        Requirement.Ensure(ChromiumFactAttribute.WhyMissing);
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync",
            ],
        });
        return (playwright, browser);
    }
}
