using System.Globalization;
using System.Text.RegularExpressions;
using Parley.Model;
using Parley.Scenarios;

namespace Parley.Studio.Document;

/// <summary>A saved version: its id (the file name without <c>.yaml</c>, the UTC time of the save), when and its title.</summary>
internal sealed record VersionInfo(string Id, string SavedAt, string? Title);

/// <summary>
/// The saved versions of a scenario: one file per save, <c>YYYY-MM-DDTHHMMSSZ.yaml</c>, in a folder (by default
/// <c>NAME.versions/</c> next to the scenario). Ids are checked against that pattern before any path is built.
/// </summary>
internal sealed partial class VersionStore(string folder, TimeProvider time)
{
    public string Folder { get; } = folder;

    /// <summary>The folder the options name, or the default one next to <paramref name="file"/>.</summary>
    public static string FolderFor(string file, string? named) =>
        named is not null ? Path.GetFullPath(named) : Path.Combine(Path.GetDirectoryName(Path.GetFullPath(file))!, Path.GetFileNameWithoutExtension(file) + ".versions");

    public IReadOnlyList<VersionInfo> List()
    {
        if (!Directory.Exists(Folder))
        {
            return [];
        }

        return [.. Directory.EnumerateFiles(Folder, "*.yaml").Select(Path.GetFileNameWithoutExtension).OfType<string>()
            .Where(id => IdPattern().IsMatch(id)).Order(StringComparer.Ordinal).Select(Info)];
    }

    /// <summary>Copies the saved text in as a new version named by the clock (a second save in the same second gets a suffix).</summary>
    public VersionInfo Add(string text)
    {
        Directory.CreateDirectory(Folder);
        var id = time.GetUtcNow().ToString("yyyy-MM-dd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var unique = id;
        for (var n = 2; File.Exists(PathOf(unique)); n++)
        {
            unique = $"{id}-{n}";
        }

        File.WriteAllText(PathOf(unique), text);
        return Info(unique);
    }

    /// <summary>The text of version <paramref name="id"/>, or null when there is no such version (or the id is not one).</summary>
    public string? Read(string id) => IdPattern().IsMatch(id) && File.Exists(PathOf(id)) ? File.ReadAllText(PathOf(id)) : null;

    private string PathOf(string id) => Path.Combine(Folder, id + ".yaml");

    private VersionInfo Info(string id)
    {
        var saved = DateTime.ParseExact(id[..17], "yyyy-MM-dd'T'HHmmss", CultureInfo.InvariantCulture);
        return new VersionInfo(id, saved.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture), TitleOf(Read(id) ?? ""));
    }

    private static string? TitleOf(string text) =>
        YamlTree.Parse(text, "version", new List<Diagnostic>()) is RawMapping { } map && map["title"] is RawScalar { IsNull: false } title ? title.Text : null;

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{6}Z(-\d+)?$")]
    private static partial Regex IdPattern();
}
