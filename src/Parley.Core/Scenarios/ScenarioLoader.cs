using Parley.Model;

namespace Parley.Scenarios;

/// <summary>The outcome of loading a scenario: the model when there were no errors, and every diagnostic.</summary>
public sealed record LoadResult(Scenario? Scenario, IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>True when the scenario loaded without errors (warnings allowed).</summary>
    public bool Success => Scenario is not null;

    /// <summary>The errors only.</summary>
    public IEnumerable<Diagnostic> Errors => Diagnostics.Where(d => d.Severity == Severity.Error);
}

/// <summary>
/// Loads scenario files (YAML, format v1) into the immutable <see cref="Scenario"/> model. Pure: reads
/// only the bytes it is given. Reports every error it finds, up to <see cref="MaxErrors"/>, each with
/// file:line:column. Thread-safe.
/// </summary>
public static class ScenarioLoader
{
    /// <summary>Most errors reported for one file.</summary>
    public const int MaxErrors = 50;

    /// <summary>Loads from UTF-8 bytes; <paramref name="file"/> is used in diagnostics only.</summary>
    public static LoadResult Load(ReadOnlySpan<byte> bytes, string file)
    {
        var diagnostics = new List<Diagnostic>();
        var root = YamlTreeReader.Read(bytes, file, diagnostics);
        Scenario? scenario = null;
        if (root is not null)
        {
            scenario = new ScenarioReader(file, diagnostics).ReadScenario(root);
        }

        var errors = diagnostics.Count(d => d.Severity == Severity.Error);
        var ordered = diagnostics
            .OrderBy(d => d.Severity == Severity.Error ? 0 : 1)
            .ThenBy(d => d.Line).ThenBy(d => d.Column)
            .Take(MaxErrors)
            .ToList();
        if (errors > MaxErrors)
        {
            ordered.Add(new Diagnostic(Severity.Error, file, 1, 1, $"too many errors ({errors:N0}); only the first {MaxErrors} are shown"));
        }

        return new LoadResult(errors > 0 ? null : scenario, ordered);
    }

    /// <summary>Loads from text.</summary>
    public static LoadResult Load(string text, string file)
    {
        ArgumentNullException.ThrowIfNull(text);

        // A string longer than the limit in chars is longer in UTF-8 bytes too: refuse it before encoding.
        if (text.Length > YamlTreeReader.MaxBytes)
        {
            return new LoadResult(null, [new Diagnostic(Severity.Error, file, 1, 1, YamlTreeReader.TooLarge(text.Length))]);
        }

        return Load(System.Text.Encoding.UTF8.GetBytes(text), file);
    }

    /// <summary>Loads or throws <see cref="ScenarioException"/> carrying the diagnostics.</summary>
    public static Scenario LoadOrThrow(ReadOnlySpan<byte> bytes, string file)
    {
        var result = Load(bytes, file);
        return result.Scenario ?? throw new ScenarioException(result.Diagnostics);
    }
}
