namespace Parley.Tests;

/// <summary>
/// The one rule for a test that needs something from its environment (PostgreSQL, Redis, Chromium, the shared
/// reference data in <c>../shared/data</c>): where it is missing, a developer machine skips the test with the
/// reason, but CI (<c>CI=true</c>) does not skip it — the test runs and fails with that reason, so a broken
/// install cannot pass as a row of skips.
/// </summary>
public static class Requirement
{
    /// <summary>Whether missing requirements fail tests instead of skipping them (the environment has <c>CI=true</c>).</summary>
    public static bool Enforced => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// What a test attribute sets as its <c>Skip</c>: <paramref name="missing"/> (why the requirement is not met,
    /// or null when it is) — except under CI, where it is always null and the test fails through <see cref="Ensure"/>.
    /// </summary>
    public static string? SkipReason(string? missing) => Enforced ? null : missing;

    /// <summary>Fails the running test when a requirement is missing; call it where the test first needs the thing.</summary>
    public static void Ensure(string? missing)
    {
        if (missing is not null)
        {
            throw Missing(missing);
        }
    }

    /// <summary>The exception that fails a test whose requirement is missing, naming what is missing.</summary>
    public static InvalidOperationException Missing(string missing) =>
        new(Enforced ? $"{missing} — CI=true requires it, so this test fails instead of being skipped" : missing);
}
