using System.Text.RegularExpressions;

namespace Parley.Report;

/// <summary>
/// Turns a ScottPlot plot into SVG fit to inline in the page: no XML declaration, a viewBox instead of a
/// fixed size (so it scales with the page and in print), and ids prefixed per figure so that several
/// plots on one page never share a clip-path id.
/// </summary>
internal static partial class PlotSvg
{
    /// <summary>
    /// The font plots are measured with. Named explicitly: ScottPlot's own sans-serif detection picks a
    /// serif face on Debian. Debian's fonts-dejavu-core is present wherever Chromium is.
    /// </summary>
    public const string FontFamily = "DejaVu Sans";

    public static string Inline(ScottPlot.Plot plot, string figureId, int width, int height, string description)
    {
        var svg = plot.GetSvgXml(width, height);
        svg = XmlDeclaration().Replace(svg, "");
        // Skia numbers clip paths from a process-wide counter; renumbering them per figure keeps the page
        // byte-identical however many plots the process drew before, and unique within the page.
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        string Rename(string id) => ids.TryGetValue(id, out var name) ? name : ids[id] = $"{figureId}-{ids.Count + 1}";
        svg = IdAttribute().Replace(svg, m => $"{m.Groups[1].Value}=\"{Rename(m.Groups[2].Value)}\"");
        svg = UrlReference().Replace(svg, m => $"url(#{Rename(m.Groups[1].Value)})");
        svg = HrefReference().Replace(svg, m => $"{m.Groups[1].Value}=\"#{Rename(m.Groups[2].Value)}\"");
        // Skia writes glyph positions as "x1, x2, x3, " with a trailing separator, which strict SVG parsers reject.
        svg = GlyphPositions().Replace(svg, m => $"{m.Groups[1].Value}=\"{string.Join(' ', m.Groups[2].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))}\"");
        // Glyphs were placed with DejaVu metrics; a reader without it still gets a sans-serif face.
        svg = svg.Replace($"font-family=\"{FontFamily}\"", $"font-family=\"{FontFamily}, Verdana, Arial, sans-serif\"", StringComparison.Ordinal);
        svg = RootSize().Replace(svg, $"<svg role=\"img\" aria-label=\"{HtmlWriter.Escape(description)}\" viewBox=\"0 0 {width} {height}\"", 1);
        return svg.Trim();
    }

    [GeneratedRegex(@"<\?xml[^>]*\?>\s*")]
    private static partial Regex XmlDeclaration();

    [GeneratedRegex("\\b(id)=\"([^\"]+)\"")]
    private static partial Regex IdAttribute();

    [GeneratedRegex(@"url\(#([^)]+)\)")]
    private static partial Regex UrlReference();

    [GeneratedRegex("\\b(xlink:href|href)=\"#([^\"]+)\"")]
    private static partial Regex HrefReference();

    [GeneratedRegex("\\b(x|y)=\"([-0-9., e]+,\\s*)\"")]
    private static partial Regex GlyphPositions();

    [GeneratedRegex("<svg(?=[\\s>])")]
    private static partial Regex RootSize();
}
