using Parley.Scenarios;

namespace Parley.Forecast;

/// <summary>A forecast input (null when there were errors) and every located diagnostic.</summary>
internal sealed record ForecastLoadResult(ForecastInput? Input, IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>The input, or <see cref="ScenarioException"/> carrying the diagnostics.</summary>
    public ForecastInput OrThrow() => Input ?? throw new ScenarioException(Diagnostics);
}
