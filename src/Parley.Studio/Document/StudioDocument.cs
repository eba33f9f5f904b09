using System.Text.Json.Nodes;
using Parley.Model;
using Parley.Scenarios;

namespace Parley.Studio.Document;

/// <summary>
/// The scenario the workbench was started on: its file (which need not exist yet), the text as loaded, the header
/// comments saving keeps and the comments it drops, and its versions. One user, one scenario: the browser holds the
/// edits; this holds what is on disk. Thread-safe.
/// </summary>
internal sealed class StudioDocument
{
    private readonly Lock _gate = new();
    private readonly StudioOptions _options;
    private string? _file;
    private string? _text;
    private string _header = "";
    private int _comments;

    /// <exception cref="ScenarioException">The file exists but is not YAML (its diagnostics are located).</exception>
    public StudioDocument(StudioOptions options)
    {
        _options = options;
        if (options.File is not { } file)
        {
            return;
        }

        _file = Path.GetFullPath(file);
        if (!File.Exists(_file))
        {
            return;
        }

        var text = File.ReadAllText(_file);
        var diagnostics = new List<Diagnostic>();
        if (YamlTree.Parse(text, FileName, diagnostics) is not RawMapping)
        {
            throw new ScenarioException(diagnostics.Count > 0 ? diagnostics : [new Diagnostic(Severity.Error, FileName, 1, 1, "expected a scenario mapping (parley: 1, id:, parties:, issues:, …)")]);
        }

        (_text, _header, _comments) = (text, ScenarioText.Header(text), ScenarioText.CommentsLost(text));
    }

    /// <summary>The file name diagnostics carry: the scenario's own, or <c>scenario.yaml</c> for a new one.</summary>
    public string FileName
    {
        get
        {
            lock (_gate)
            {
                return _file is null ? "scenario.yaml" : Path.GetFileName(_file);
            }
        }
    }

    /// <summary>The header comment block saving writes above the document.</summary>
    public string Header
    {
        get
        {
            lock (_gate)
            {
                return _header;
            }
        }
    }

    /// <summary>What the browser opens: the tree, the file, how many comments saving would drop, the versions and the text.</summary>
    public object Snapshot()
    {
        lock (_gate)
        {
            var tree = _text is null ? new JsonObject { ["parley"] = "1" } : TreeJson.ToJson(YamlTree.Parse(_text, FileName, new List<Diagnostic>())!);
            return new { tree, file = _file, comments = _comments, versions = VersionsOrNull()?.List() ?? [], yaml = _text ?? "" };
        }
    }

    /// <summary>The file as loaded (or last saved), or null for a scenario not on disk yet.</summary>
    public string? Text
    {
        get
        {
            lock (_gate)
            {
                return _text;
            }
        }
    }

    public IReadOnlyList<VersionInfo> Versions()
    {
        lock (_gate)
        {
            return VersionsOrNull()?.List() ?? [];
        }
    }

    public string? ReadVersion(string id)
    {
        lock (_gate)
        {
            return VersionsOrNull()?.Read(id);
        }
    }

    /// <summary>
    /// The save target: <paramref name="path"/> (relative to the scenario's folder, else the working directory) or the
    /// scenario's own file; null when neither is known. Only <c>.yaml</c>/<c>.yml</c> files are written.
    /// </summary>
    /// <exception cref="ArgumentException">The path is not a YAML file name.</exception>
    public string? Target(string? path)
    {
        lock (_gate)
        {
            if (string.IsNullOrWhiteSpace(path))
            {
                return _file;
            }

            var full = Path.GetFullPath(path, _file is null ? Environment.CurrentDirectory : Path.GetDirectoryName(_file)!);
            return Path.GetExtension(full) is ".yaml" or ".yml" ? full : throw new ArgumentException("the file must end in .yaml or .yml");
        }
    }

    /// <summary>Writes <paramref name="yaml"/> to <paramref name="target"/> (through a temporary file, so a failed write leaves the old file) and keeps it as a version.</summary>
    public VersionInfo Save(string target, string yaml)
    {
        lock (_gate)
        {
            var temporary = target + ".saving";
            File.WriteAllText(temporary, yaml);
            File.Move(temporary, target, overwrite: true);
            (_file, _text, _comments) = (target, yaml, 0);
            return VersionsOrNull()!.Add(yaml);
        }
    }

    private VersionStore? VersionsOrNull() =>
        _file is null && _options.Versions is null ? null : new VersionStore(VersionStore.FolderFor(_file ?? ".", _options.Versions), _options.Time);
}
