namespace Parley.Report;

/// <summary>
/// Builds one section from the scenario and (for a lens section) that lens's result. Each section is
/// independent, so a lens that is missing or fails leaves the others intact.
/// </summary>
internal interface ISectionBuilder
{
    /// <summary>Stable section id (HTML id, JSON key).</summary>
    string Id { get; }

    /// <summary>Heading, also the progress label.</summary>
    string Title { get; }

    /// <summary>Runs the lens (if any) and renders the section; reports progress in [0, 1].</summary>
    ReportSection Build(ReportContext context, IProgress<double> progress, CancellationToken cancellationToken);
}
