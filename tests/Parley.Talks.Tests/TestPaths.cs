namespace Parley.Talks.Tests;

/// <summary>Where the repository's files are.</summary>
public static class TestPaths
{
    public static string RepoRoot { get; } = FindRoot();

    public static string Flagship => Path.Combine(RepoRoot, "examples", "ukraine-talks-2025.yaml");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Parley.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Parley.slnx not found above " + AppContext.BaseDirectory);
    }
}
