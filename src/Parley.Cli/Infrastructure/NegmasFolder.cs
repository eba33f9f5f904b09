using Parley.Bargaining.Import;
using Parley.Scenarios;

namespace Parley.Cli.Infrastructure;

/// <summary>Reads a NegMAS scenario folder (<c>--negmas DIR</c>) for the core importer: its <c>.yml</c>/<c>.yaml</c> files in name order, as NegMAS lists them.</summary>
internal static class NegmasFolder
{
    private const long MaxFileBytes = 16 * 1024 * 1024;

    /// <summary>The files of <paramref name="folder"/>, hidden ones skipped, ordered by name (ordinal).</summary>
    /// <exception cref="ScenarioException">The folder is missing or a file cannot be read.</exception>
    public static IReadOnlyList<SourceText> Files(string folder)
    {
        if (!Directory.Exists(folder))
        {
            throw new ScenarioException([new Diagnostic(Severity.Error, folder, 1, 1, File.Exists(folder) ? "is a file; --negmas takes a NegMAS scenario folder" : "no such folder")]);
        }

        var files = Directory.GetFiles(folder)
            .Where(f => !Path.GetFileName(f).StartsWith('.') && (f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase)))
            .Order(StringComparer.Ordinal)
            .ToList();
        if (files.Count == 0)
        {
            throw new ScenarioException([new Diagnostic(Severity.Error, folder, 1, 1, "no .yml or .yaml files: not a NegMAS scenario folder in the YAML layout")]);
        }

        return [.. files.Select(Read)];
    }

    /// <summary>Reads and imports the folder; warnings go to <paramref name="errors"/>.</summary>
    public static ImportedDomain Import(string folder, TextWriter errors)
    {
        var imported = NegmasYaml.Read(Files(folder));
        foreach (var warning in imported.Warnings)
        {
            errors.WriteLine(warning.ToString());
        }

        return imported;
    }

    private static SourceText Read(string path)
    {
        try
        {
            return new FileInfo(path).Length > MaxFileBytes
                ? throw new ScenarioException([new Diagnostic(Severity.Error, path, 1, 1, $"file is larger than {MaxFileBytes / (1024 * 1024)} MB")])
                : new SourceText(path, File.ReadAllText(path));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ScenarioException([new Diagnostic(Severity.Error, path, 1, 1, "cannot read: " + ex.Message)]);
        }
    }
}
