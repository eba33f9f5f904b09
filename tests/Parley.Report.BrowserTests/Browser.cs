using Microsoft.Playwright;
using Parley.Tests;

namespace Parley.Report.BrowserTests;

/// <summary>Playwright with the shared Chromium launcher (<see cref="Chromium"/>).</summary>
internal static class Browser
{
    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        var playwright = await Playwright.CreateAsync();
        return (playwright, await Chromium.LaunchAsync(playwright));
    }
}
