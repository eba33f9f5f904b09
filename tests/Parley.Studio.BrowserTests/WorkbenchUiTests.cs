using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Parley.Tests;

namespace Parley.Studio.BrowserTests;

/// <summary>The workbench on the flagship (<c>parley studio examples/ukraine-talks-2025.yaml</c>): what it shows on load,
/// a red line switched off and back, undo/redo, and an invalid edit reported at its field.</summary>
public sealed partial class WorkbenchUiTests
{
    private static LocatorAssertionsToHaveTextOptions Slow => StudioSession.Slow;

    [ChromiumFact]
    public async Task Flagship_WithoutAClick_ShowsPackages_EmptyZone_BlockingRedLines_Equilibria_AndOutlook()
    {
        await using var s = await StudioSession.StartAsync("ukraine-talks-2025.yaml");

        await Assertions.Expect(s.TestId("pkg-count")).ToHaveTextAsync("9,216", Slow);
        await Assertions.Expect(s.TestId("zone-size")).ToHaveTextAsync("0");
        var blocking = s.TestId("blocking");
        await Assertions.Expect(blocking).ToContainTextAsync("RU-donbas");
        await Assertions.Expect(blocking).ToContainTextAsync("UA-no-withdrawal");
        var equilibria = s.TestId("equilibria");
        await Assertions.Expect(equilibria.Locator("tbody tr").First).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await Assertions.Expect(equilibria).ToContainTextAsync(new Regex("nash", RegexOptions.IgnoreCase));
        await Assertions.Expect(s.TestId("outlook").Locator("img")).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await Assertions.Expect(s.TestId("outlook-runs")).ToContainTextAsync("200 runs");
        await Assertions.Expect(s.TestId("file")).ToContainTextAsync("ukraine-talks-2025.yaml");
        await s.ScreenshotAsync("studio-flagship");

        foreach (var tab in new[] { "issues", "preferences", "conflict", "process", "simulation", "yaml", "versions" })
        {
            await s.TabAsync(tab);
            await Assertions.Expect(s.Page.Locator($"[data-tab='{tab}'].active")).ToBeVisibleAsync();
            await s.ScreenshotAsync($"studio-tab-{tab}");
        }

        Assert.True(s.Errors.Count == 0, string.Join("\n", s.Errors));
    }

    [ChromiumFact]
    public async Task RedLine_SwitchedOff_OpensTheZoneToSevenPackages_AndUndoRedoRestoreIt()
    {
        await using var s = await StudioSession.FlagshipAsync("preferences");
        var zone = s.TestId("zone-size");
        var donbas = s.Page.Locator("[data-toggle='RU-donbas']");

        await donbas.UncheckAsync();
        await Assertions.Expect(zone).ToHaveTextAsync("7", Slow);
        await Assertions.Expect(s.TestId("nash")).ToBeVisibleAsync();
        await donbas.ScrollIntoViewIfNeededAsync();
        await s.ScreenshotAsync("studio-red-line-off");

        await s.TestId("undo").ClickAsync();
        await Assertions.Expect(zone).ToHaveTextAsync("0", Slow);
        await Assertions.Expect(donbas).ToBeCheckedAsync();

        await s.TestId("redo").ClickAsync();
        await Assertions.Expect(zone).ToHaveTextAsync("7", Slow);
        await Assertions.Expect(donbas).Not.ToBeCheckedAsync();

        // The keyboard does the same: Ctrl+Z back to the empty zone, Ctrl+Shift+Z forward again.
        await s.Page.Keyboard.PressAsync("Control+z");
        await Assertions.Expect(zone).ToHaveTextAsync("0", Slow);
        await Assertions.Expect(s.TestId("redo")).ToBeEnabledAsync();
        await s.Page.Keyboard.PressAsync("Control+Shift+z");
        Assert.True(s.Errors.Count == 0, string.Join("\n", s.Errors));
        await Assertions.Expect(zone).ToHaveTextAsync("7", Slow);
        await s.ScreenshotAsync("studio-redo");

        // Before saving, the dialog states what the file would lose: its comments, and the red line switched off.
        await s.TestId("save").ClickAsync();
        var lost = s.TestId("save-comments");
        await Assertions.Expect(lost).ToContainTextAsync("drops 42 comments");
        await Assertions.Expect(lost).ToContainTextAsync("1 red line switched off is not saved");
        await s.ScreenshotAsync("studio-save-dialog");
        await s.Page.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        await Assertions.Expect(s.TestId("save-dialog")).ToBeHiddenAsync();
        Assert.True(s.Errors.Count == 0, string.Join("\n", s.Errors));
    }

    [ChromiumFact]
    public async Task InvalidEdit_ShowsTheLoadersError_AtTheField_WithItsFileLineColumn()
    {
        await using var s = await StudioSession.FlagshipAsync("preferences");
        const string rule = "/preferences/RU/red_lines/0/rule";

        await s.FillAsync(rule, "T in [T3, T9]");
        var error = s.Page.Locator($"[data-path='{rule}'] [data-testid='field-error']");
        await Assertions.Expect(error).ToContainTextAsync("T9", new() { Timeout = 60_000 });
        Assert.Matches(LocationPattern(), await error.InnerTextAsync());
        await Assertions.Expect(s.Page.Locator("[data-tab='preferences'] .badge")).ToHaveTextAsync("1");
        await Assertions.Expect(s.TestId("lens-bargaining-status")).ToContainTextAsync("errors");
        await s.Field(rule).ScrollIntoViewIfNeededAsync();
        await s.ScreenshotAsync("studio-field-error");

        // Undo takes the edit back: the error goes and the lenses answer again.
        await s.TestId("undo").ClickAsync();
        await Assertions.Expect(error).ToHaveCountAsync(0, new() { Timeout = 30_000 });
        await Assertions.Expect(s.Field(rule)).ToHaveValueAsync("T in [T3, T4]");
        await Assertions.Expect(s.TestId("zone-size")).ToHaveTextAsync("0", Slow);
        Assert.True(s.Errors.Count == 0, string.Join("\n", s.Errors));
    }

    [ChromiumFact]
    public async Task RedLineRule_CompletesIssueIds_ThenOnlyThatIssuesOptions()
    {
        await using var s = await StudioSession.FlagshipAsync("preferences");
        const string rule = "/preferences/US/red_lines/0/rule";
        var input = s.Field(rule);
        var menu = s.Page.Locator($"[data-path='{rule}'] [data-testid='completion']");

        await input.FillAsync("");
        await input.PressSequentiallyAsync("G");
        await Assertions.Expect(menu).ToBeVisibleAsync();
        await Assertions.Expect(menu.Locator("li").First).ToHaveTextAsync("G0");
        await input.PressSequentiallyAsync(" in [");
        await Assertions.Expect(menu.Locator("li")).ToHaveTextAsync(["G0", "G1", "G2", "G3", "G4", "G5"]);
        await input.PressSequentiallyAsync("G");
        await s.Page.Keyboard.PressAsync("ArrowDown");
        await s.Page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(input).ToHaveValueAsync("G in [G1");
        await Assertions.Expect(menu).ToBeHiddenAsync();
        await input.PressSequentiallyAsync(", G2]");
        await Assertions.Expect(s.TestId("status")).ToHaveTextAsync("valid", new() { Timeout = 30_000 });
        await s.ScreenshotAsync("studio-completion");
        Assert.True(s.Errors.Count == 0, string.Join("\n", s.Errors));
    }

    [ChromiumFact]
    public async Task WeightSlider_Dragged_RerunsTheAgreementSpace_WithTheNewWeight()
    {
        await using var s = await StudioSession.FlagshipAsync("preferences");
        var status = s.TestId("lens-bargaining-status");
        var slider = s.TestId("weight-RU-T");

        // Ten key steps are a drag: the weight box follows, and the lenses answer on the new weight.
        await slider.FocusAsync();
        for (var i = 0; i < 10; i++)
        {
            await s.Page.Keyboard.PressAsync("ArrowLeft");
        }

        await Assertions.Expect(s.Field("/preferences/RU/weights/T")).ToHaveValueAsync("25");
        await Assertions.Expect(status).ToHaveAttributeAsync("data-since-edit", new Regex(@"^\d+$"), new() { Timeout = 60_000 });
        await Assertions.Expect(s.TestId("yaml-text")).ToHaveCountAsync(0);
        await s.TabAsync("yaml");
        await Assertions.Expect(s.TestId("yaml-text")).ToHaveValueAsync(new Regex(@"\bT: 25\b"));
        var ms = await status.GetAttributeAsync("data-since-edit");
        Directory.CreateDirectory(Chromium.Screenshots);
        await File.AppendAllTextAsync(Path.Combine(Chromium.Screenshots, "studio-weight-latency.txt"), $"edit to agreement space on screen: {ms} ms\n");
        Assert.True(s.Errors.Count == 0, string.Join("\n", s.Errors));
    }

    [GeneratedRegex(@"ukraine-talks-2025\.yaml:\d+:\d+")]
    private static partial Regex LocationPattern();
}
