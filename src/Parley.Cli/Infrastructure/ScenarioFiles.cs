using System.CommandLine;
using Parley.Model;
using Parley.Scenarios;

namespace Parley.Cli.Infrastructure;

/// <summary>Reads scenario files from disk for the core loader, refusing oversized files before reading them.</summary>
internal static class ScenarioFiles
{
    public static LoadResult Load(string path)
    {
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            return Fail(path, Directory.Exists(path) ? "is a directory; expected a scenario file" : "no such file");
        }

        if (info.Length > YamlTreeReader.MaxBytes)
        {
            return Fail(path, $"file is {info.Length / (1024 * 1024.0):0.#} MB; scenario files are limited to {YamlTreeReader.MaxBytes / (1024 * 1024)} MB");
        }

        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Fail(path, "cannot read: " + ex.Message);
        }

        return ScenarioLoader.Load(bytes, path);
    }

    /// <summary>Loads a scenario or throws <see cref="ScenarioException"/>; warnings go to <paramref name="stderr"/>.</summary>
    public static Scenario LoadOrThrow(string path, TextWriter stderr)
    {
        var result = Load(path);
        if (result.Scenario is null)
        {
            throw new ScenarioException(result.Diagnostics);
        }

        foreach (var warning in result.Diagnostics)
        {
            stderr.WriteLine(warning.ToString());
        }

        return result.Scenario;
    }

    /// <summary>
    /// Makes a file argument refuse values that look like options (<c>--bogus</c>) unless such a file
    /// exists: System.CommandLine would otherwise take an unknown option for a file name.
    /// </summary>
    public static void RejectOptionLikeValues(Argument argument)
    {
        argument.Validators.Add(result =>
        {
            foreach (var token in result.Tokens)
            {
                if (token.Value.Length > 1 && token.Value[0] == '-' && !File.Exists(token.Value))
                {
                    result.AddError($"unknown option '{token.Value}'");
                }
            }
        });
    }

    private static LoadResult Fail(string path, string message) =>
        new(null, [new Diagnostic(Severity.Error, path, 1, 1, message)]);
}
