namespace Parley.Tests;

/// <summary>
/// Locates the repository and the shared reference data from a test's working directory.
/// One copy, linked into every test project (see tests/Shared).
/// </summary>
public static class TestPaths
{
    public static string RepoRoot { get; } = FindRoot();

    public static string Examples => Path.Combine(RepoRoot, "examples");

    /// <summary>
    /// The shared reference data (<c>PARLEY_SHARED_DATA</c>, else <c>../shared/data</c> beside the checkout). Throws,
    /// naming the folder, when it is absent: tests reach it through <c>[SharedDataFact]</c>, which skips them
    /// first on a developer machine, but not under CI (see <see cref="Requirement"/>).
    /// </summary>
    public static string SharedData => WhyNoSharedData is { } why ? throw Requirement.Missing(why) : Path.GetFullPath(SharedDataPath);

    /// <summary>Why the shared reference data cannot be used here, or null when it can.</summary>
    public static string? WhyNoSharedData => Directory.Exists(SharedDataPath)
        ? null
        : $"reference data folder {Path.GetFullPath(SharedDataPath)} is absent (set PARLEY_SHARED_DATA to its path to run this interop test)";

    private static string SharedDataPath =>
        Environment.GetEnvironmentVariable("PARLEY_SHARED_DATA") is { Length: > 0 } path ? path : Path.Combine(RepoRoot, "..", "shared", "data");

    public static string Example(string name) => Path.Combine(Examples, name);

    /// <summary>The flagship scenario.</summary>
    public static string Flagship => Example("ukraine-talks-2025.yaml");

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Parley.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Parley.slnx not found above " + AppContext.BaseDirectory);
    }
}
