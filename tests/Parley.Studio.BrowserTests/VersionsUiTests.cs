using Microsoft.Playwright;
using Parley.Tests;

namespace Parley.Studio.BrowserTests;

/// <summary>The workbench's versions and what changed (the view of <c>parley diff</c>), saving a version, and the briefing download.</summary>
public sealed class VersionsUiTests
{
    [ChromiumFact]
    public async Task RedLineSwitchedOff_ComparedWithTheFile_ShowsTheChange_AndTheFindingsItMoved()
    {
        await using var s = await StudioSession.FlagshipAsync("preferences");
        await s.Page.Locator("[data-toggle='RU-donbas']").UncheckAsync();
        await Assertions.Expect(s.TestId("zone-size")).ToHaveTextAsync("7", StudioSession.Slow);

        await s.TabAsync("versions");
        await Assertions.Expect(s.TestId("versions")).ToContainTextAsync("No saved versions yet");
        await s.TestId("diff-old").SelectOptionAsync("file");
        await s.TestId("diff-new").SelectOptionAsync("current");
        await s.TestId("diff-run").ClickAsync();

        var changes = s.TestId("diff-changes");
        await Assertions.Expect(changes).ToContainTextAsync("preferences.RU.red_lines.RU-donbas", new() { Timeout = 180_000 });
        await Assertions.Expect(changes.Locator("tbody tr")).ToHaveCountAsync(2);
        // The finding it moved: the zone, from empty to the 7 packages the CLI reports for this change.
        var zone = s.TestId("diff-findings").Locator("tbody tr", new() { HasText = "agreement zone" });
        await Assertions.Expect(zone).ToContainTextAsync("0 of 9,216 packages");
        await Assertions.Expect(zone).ToContainTextAsync("7 of 9,216 packages");
        // Stability reads no preference: its findings did not move.
        await Assertions.Expect(s.TestId("diff-findings")).Not.ToContainTextAsync("Nash equilibria");
        await s.ScreenshotAsync("studio-diff");
        Assert.True(s.Errors.Count == 0, string.Join("\n", s.Errors));
    }

    [ChromiumFact]
    public async Task Save_KeepsAVersion_ListedInTheVersionsTab()
    {
        await using var s = await StudioSession.FlagshipAsync();
        await s.FillAsync("/title", "Bilateral first (edited)");
        await Assertions.Expect(s.TestId("status")).ToHaveTextAsync("valid", new() { Timeout = 30_000 });

        await s.TestId("save").ClickAsync();
        await Assertions.Expect(s.TestId("save-path")).ToHaveValueAsync(s.File!);
        await s.TestId("save-confirm").ClickAsync();
        await Assertions.Expect(s.TestId("save-status")).ToContainTextAsync("Saved", new() { Timeout = 30_000 });

        await s.TabAsync("versions");
        var versions = s.TestId("versions");
        await Assertions.Expect(versions.Locator("tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(versions).ToContainTextAsync("Bilateral first (edited)");
        var folder = Path.Combine(s.Folder, "ukraine-talks-2025.versions");
        Assert.Single(Directory.GetFiles(folder, "*.yaml"));
        Assert.Contains("title: Bilateral first (edited)", await File.ReadAllTextAsync(s.File!), StringComparison.Ordinal);
        Assert.True(s.Errors.Count == 0, string.Join("\n", s.Errors));
    }

    [ChromiumFact]
    public async Task Briefing_DownloadsTheReportPage_ForTheScenarioAsEdited()
    {
        await using var s = await StudioSession.FlagshipAsync();
        await s.FillAsync("/title", "Edited for the briefing");
        await Assertions.Expect(s.TestId("status")).ToHaveTextAsync("valid", new() { Timeout = 30_000 });

        var download = await s.Page.RunAndWaitForDownloadAsync(() => s.TestId("briefing").ClickAsync(), new() { Timeout = 180_000 });

        Assert.Equal("briefing-ukraine-talks-2025.html", download.SuggestedFilename);
        var html = await File.ReadAllTextAsync((await download.PathAsync())!);
        Assert.Contains("Edited for the briefing", html, StringComparison.Ordinal);
        Assert.Contains("id=\"agreement\"", html, StringComparison.Ordinal);
        await Assertions.Expect(s.TestId("status")).ToHaveTextAsync("briefing downloaded");
        Assert.True(s.Errors.Count == 0, string.Join("\n", s.Errors));
    }
}
