namespace Parley.Cli.Infrastructure;

/// <summary>Checks output file options before a command does its work, so a typo costs nothing and is a usage error (exit 2).</summary>
internal static class OutputPaths
{
    /// <summary>Throws a <see cref="UsageException"/> when <paramref name="path"/> is a folder or its folder does not exist.</summary>
    public static void CheckWritable(string option, string? path)
    {
        if (path is null)
        {
            return;
        }

        var full = Path.GetFullPath(path);
        if (Directory.Exists(full))
        {
            throw new UsageException($"{option} {path}: is a folder; give a file name");
        }

        if (Path.GetDirectoryName(full) is { } folder && !Directory.Exists(folder))
        {
            throw new UsageException($"{option} {path}: folder {folder} does not exist");
        }
    }
}
