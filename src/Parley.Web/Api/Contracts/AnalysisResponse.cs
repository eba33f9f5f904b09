using Parley.Talks.Service;

namespace Parley.Web.Api.Contracts;

/// <summary>An analysis and its frontier plot.</summary>
/// <param name="Analysis">The bargaining lens's result on the caller's share of private data.</param>
/// <param name="PlotSvg">Base64 SVG of the frontier (first two analysed parties), or null with fewer than two.</param>
public sealed record AnalysisResponse(AnalysisView Analysis, string? PlotSvg);
