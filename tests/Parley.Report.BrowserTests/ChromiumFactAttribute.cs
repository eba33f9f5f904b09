using Parley.Tests;

namespace Parley.Report.BrowserTests;

/// <summary>
/// A fact that needs the system Chromium; skipped with the reason where it is not installed, except under CI
/// (<c>CI=true</c>), where it runs and <see cref="Browser.LaunchAsync"/> fails it with that reason (<see cref="Requirement"/>).
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        Skip = Requirement.SkipReason(WhyMissing);
    }

    /// <summary>Why Chromium cannot be used here, or null when it can.</summary>
    public static string? WhyMissing => File.Exists(Browser.ExecutablePath)
        ? null
        : $"{Browser.ExecutablePath} is absent: install Debian's chromium package (apt-get install -y chromium; .ci/services does this in CI) to run the browser tests";
}
