using Parley.Scenarios;

namespace Parley.Bargaining.Import;

/// <summary>Collects located diagnostics while reading and throws them together.</summary>
internal sealed class ImportErrors
{
    private readonly List<Diagnostic> _warnings = [];

    public IReadOnlyList<Diagnostic> Warnings => _warnings;

    public void Warn(string file, int line, int column, string message) =>
        _warnings.Add(new Diagnostic(Severity.Warning, file, Math.Max(1, line), Math.Max(1, column), message));

    public static ScenarioException Error(string file, int line, int column, string message) =>
        new([new Diagnostic(Severity.Error, file, Math.Max(1, line), Math.Max(1, column), message)]);
}
