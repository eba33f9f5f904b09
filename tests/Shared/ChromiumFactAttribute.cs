namespace Parley.Tests;

/// <summary>
/// A fact that needs Debian's Chromium at /usr/bin/chromium (Playwright never downloads browsers here); skipped with
/// the reason where it is absent, except under CI (<c>CI=true</c>), where it runs and fails with that reason
/// when the test launches the browser (<see cref="Requirement"/>).
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ChromiumFactAttribute : FactAttribute
{
    public const string Executable = "/usr/bin/chromium";

    public ChromiumFactAttribute()
    {
        Skip = Requirement.SkipReason(WhyMissing);
    }

    /// <summary>Why Chromium cannot be used here, or null when it can.</summary>
    public static string? WhyMissing => File.Exists(Executable)
        ? null
        : $"Chromium not found at {Executable}; run .ci/services (apt-get install chromium) to run the browser tests";
}
