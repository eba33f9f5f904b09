namespace Parley.Report.BrowserTests;

/// <summary>A fact that needs the system Chromium; skipped with the reason where it is not installed.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (!File.Exists(Browser.ExecutablePath))
        {
            Skip = $"{Browser.ExecutablePath} is absent: install Debian's chromium package (apt-get install -y chromium; .ci/services does this in CI) to run the browser tests";
        }
    }
}
