namespace Parley.Studio;

/// <summary>How <c>parley studio</c> runs: the scenario file, the address and where saved versions go.</summary>
public sealed record StudioOptions
{
    /// <summary>The scenario file the workbench edits; it need not exist yet (the first save creates it). Null: a new scenario.</summary>
    public string? File { get; init; }

    /// <summary>Listen address(es), ';'-separated, as for <c>parley serve</c>; port 0 picks a free port. Loopback only by default.</summary>
    public string Urls { get; init; } = "http://127.0.0.1:0";

    /// <summary>The folder for saved versions; null: <c>NAME.versions/</c> next to the file.</summary>
    public string? Versions { get; init; }

    /// <summary>Largest request body accepted (a scenario tree is well under this).</summary>
    public long MaxRequestBodyBytes { get; init; } = 4 * 1024 * 1024;

    /// <summary>The clock that names saved versions.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;
}
