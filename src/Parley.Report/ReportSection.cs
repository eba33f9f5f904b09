namespace Parley.Report;

/// <summary>One section of the briefing, rendered: its HTML body and what the console summary and JSON show.</summary>
/// <param name="Id">Stable id (<c>situation</c>, <c>stability</c>, …): the HTML element id and the JSON key.</param>
/// <param name="Title">Heading.</param>
/// <param name="Status">Whether results are shown.</param>
/// <param name="Body">The section's inner HTML (heading and wrapper are added by the page).</param>
/// <param name="Headlines">One-line findings for the console summary (or the reason it is unavailable).</param>
/// <param name="Figures">Ids of the figures in <paramref name="Body"/>.</param>
/// <param name="Data">Machine-readable key results for <c>--format json</c>, or null.</param>
internal sealed record ReportSection(
    string Id,
    string Title,
    SectionStatus Status,
    string Body,
    IReadOnlyList<string> Headlines,
    IReadOnlyList<string> Figures,
    object? Data = null)
{
    /// <summary>
    /// The figures of <see cref="Body"/> by id (their markup as it sits in the body), so a view can show a plot without
    /// the section around it (the studio's lenses).
    /// </summary>
    public IReadOnlyDictionary<string, string> Plots { get; init; } = new Dictionary<string, string>();

    /// <summary>The status as written in the page (<c>data-status</c>) and the JSON: available, unavailable, no-input or error.</summary>
    public string StatusName => Status switch
    {
        SectionStatus.Available => "available",
        SectionStatus.Unavailable => "unavailable",
        SectionStatus.Error => "error",
        _ => "no-input",
    };
}
