namespace Parley.Scenarios;

/// <summary>How serious a diagnostic is.</summary>
public enum Severity
{
    /// <summary>The input is still usable.</summary>
    Warning,

    /// <summary>The input is rejected.</summary>
    Error,
}

/// <summary>A located message about an input file. Lines and columns are 1-based.</summary>
public sealed record Diagnostic(Severity Severity, string File, int Line, int Column, string Message)
{
    /// <summary>The compiler-style form <c>FILE:LINE:COL: error: MESSAGE</c>.</summary>
    public override string ToString() =>
        $"{File}:{Line}:{Column}: {(Severity == Severity.Error ? "error" : "warning")}: {Message}";
}

/// <summary>Thrown by loaders when input is invalid; carries every diagnostic found (up to the limit).</summary>
public sealed class ScenarioException(IReadOnlyList<Diagnostic> diagnostics)
    : Exception(diagnostics.Count > 0 ? diagnostics[0].ToString() : "invalid input")
{
    /// <summary>All diagnostics, errors first in file order.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; } = diagnostics;
}
