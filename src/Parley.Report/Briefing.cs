namespace Parley.Report;

/// <summary>A built briefing: the page and its sections (for the console summary and JSON).</summary>
/// <param name="Context">What it was built from.</param>
/// <param name="Sections">Sections in page order.</param>
/// <param name="Html">The whole self-contained page.</param>
internal sealed record Briefing(ReportContext Context, IReadOnlyList<ReportSection> Sections, string Html);
