namespace Parley.Web.BrowserTests;

/// <summary>A fact that needs Debian's Chromium at /usr/bin/chromium (Playwright never downloads browsers here); skipped with the reason where it is absent.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ChromiumFactAttribute : FactAttribute
{
    public const string Executable = "/usr/bin/chromium";

    public ChromiumFactAttribute()
    {
        if (!File.Exists(Executable))
        {
            Skip = $"Chromium not found at {Executable}; run .ci/services (apt-get install chromium) to run the browser tests";
        }
    }
}
