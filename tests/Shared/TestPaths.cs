namespace Parley.Tests;

/// <summary>
/// Locates the repository and the shared reference data from a test's working directory.
/// One copy, linked into every test project (see tests/Shared).
/// </summary>
public static class TestPaths
{
    public static string RepoRoot { get; } = FindRoot();

    public static string Examples => Path.Combine(RepoRoot, "examples");

    /// <summary>The shared reference data (<c>../shared/data</c> beside the checkout), or null when absent.</summary>
    public static string? SharedData
    {
        get
        {
            var path = Environment.GetEnvironmentVariable("PARLEY_SHARED_DATA") ?? Path.Combine(RepoRoot, "..", "shared", "data");
            return Directory.Exists(path) ? Path.GetFullPath(path) : null;
        }
    }

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
