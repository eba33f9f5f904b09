using System.Text.Json.Nodes;
using Parley.Model;
using Parley.Scenarios;

namespace Parley.Studio.Document;

/// <summary>A loader diagnostic as the workbench shows it: at the tree node its location falls in.</summary>
/// <param name="Severity"><c>error</c> or <c>warning</c>.</param>
/// <param name="Message">The loader's message.</param>
/// <param name="Line">1-based line in that YAML.</param>
/// <param name="Column">1-based column.</param>
/// <param name="Location"><c>FILE:LINE:COL</c> in the YAML the forms write (what the saved file would say).</param>
/// <param name="Path">The JSON pointer of the node it concerns.</param>
internal sealed record DiagnosticView(string Severity, string Message, string Location, int Line, int Column, string Path);

/// <summary>An issue and its option ids as the loader expands them (numeric issues included), for the red-line editor's completion.</summary>
internal sealed record IssueIds(string Id, IReadOnlyList<string> Options);

/// <summary>The ids the loader resolved, or null while the scenario has errors.</summary>
internal sealed record ScenarioIds(IReadOnlyList<IssueIds> Issues);

/// <summary>The outcome of checking an edited tree with the CLI's own loader.</summary>
/// <param name="Valid">True when the scenario loads without errors.</param>
/// <param name="Diagnostics">Errors first, each at its tree node.</param>
/// <param name="Yaml">The YAML the tree is saved as (the file's header comments first).</param>
/// <param name="Ids">The ids the loader resolved; null while there are errors.</param>
internal sealed record CheckResult(bool Valid, IReadOnlyList<DiagnosticView> Diagnostics, string Yaml, ScenarioIds? Ids)
{
    /// <summary>The loaded scenario (not sent: the browser has the tree).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public Scenario? Scenario { get; init; }
}

/// <summary>Every edit goes through here: tree → YAML (as saving writes it) → <see cref="ScenarioLoader"/> → diagnostics at their tree nodes.</summary>
internal static class ScenarioCheck
{
    /// <exception cref="TreeException">The tree cannot be written as YAML.</exception>
    public static CheckResult Run(JsonNode? tree, string header, string fileName)
    {
        if (tree is not JsonObject)
        {
            throw new TreeException("tree", "expected the scenario as a JSON object (its top-level mapping)");
        }

        var yaml = header + YamlTree.Write(TreeJson.FromJson(tree));
        return Run(yaml, fileName);
    }

    /// <summary>Checks YAML text as written (the YAML tab, a saved version).</summary>
    public static CheckResult Run(string yaml, string fileName)
    {
        var load = ScenarioLoader.Load(yaml, fileName);
        var located = YamlTree.Parse(yaml, fileName, new List<Diagnostic>());
        var pointers = located is null ? null : new TreePointers(located);
        var diagnostics = load.Diagnostics.Select(d => new DiagnosticView(
            d.Severity == Severity.Error ? "error" : "warning", d.Message, $"{d.File}:{d.Line}:{d.Column}", d.Line, d.Column,
            pointers?.At(d.Line, d.Column, d.Message) ?? "")).ToList();
        var ids = load.Scenario is { } s ? new ScenarioIds([.. s.Issues.Select(i => new IssueIds(i.Id, [.. i.Options.Select(o => o.Id)]))]) : null;
        return new CheckResult(load.Success, diagnostics, yaml, ids) { Scenario = load.Scenario };
    }
}
