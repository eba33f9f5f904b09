using System.Xml.Linq;

namespace Parley.Report;

/// <summary>
/// Turns a ScottPlot plot into SVG fit to inline in the page: no XML declaration, a viewBox instead of a
/// fixed size (so it scales with the page and in print), and ids prefixed per figure so that several
/// plots on one page never share a clip-path id. Edited as an XML tree (System.Xml.Linq), never as text.
/// </summary>
internal static class PlotSvg
{
    /// <summary>
    /// The font plots are measured with. Named explicitly: ScottPlot's own sans-serif detection picks a
    /// serif face on Debian. Debian's fonts-dejavu-core is present wherever Chromium is.
    /// </summary>
    public const string FontFamily = "DejaVu Sans";

    private static readonly XNamespace XLink = "http://www.w3.org/1999/xlink";

    public static string Inline(ScottPlot.Plot plot, string figureId, int width, int height, string description)
    {
        var root = XDocument.Parse(plot.GetSvgXml(width, height)).Root!;
        // Skia numbers clip paths from a process-wide counter; renumbering them per figure keeps the page
        // byte-identical however many plots the process drew before, and unique within the page.
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        string Rename(string id) => ids.TryGetValue(id, out var name) ? name : ids[id] = $"{figureId}-{ids.Count + 1}";
        var elements = root.DescendantsAndSelf().ToList();
        foreach (var id in elements.Select(e => e.Attribute("id")).OfType<XAttribute>())
        {
            id.Value = Rename(id.Value);
        }

        foreach (var attribute in elements.SelectMany(e => e.Attributes()).ToList())
        {
            if (attribute.Name == "href" || attribute.Name == XLink + "href")
            {
                if (attribute.Value.StartsWith('#'))
                {
                    attribute.Value = "#" + Rename(attribute.Value[1..]);
                }
            }
            else if (attribute.Value.Contains("url(#", StringComparison.Ordinal))
            {
                attribute.Value = RenameUrls(attribute.Value, Rename);
            }
            else if (attribute.Name == "x" || attribute.Name == "y")
            {
                // Skia writes glyph positions as "x1, x2, x3, " with a trailing separator, which strict SVG parsers reject.
                if (attribute.Value.Contains(',', StringComparison.Ordinal))
                {
                    attribute.Value = string.Join(' ', attribute.Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
                }
            }
            else if (attribute.Name == "font-family" && attribute.Value == FontFamily)
            {
                // Glyphs were placed with DejaVu metrics; a reader without it still gets a sans-serif face.
                attribute.Value = $"{FontFamily}, Verdana, Arial, sans-serif";
            }
        }

        root.Attribute("width")?.Remove();
        root.Attribute("height")?.Remove();
        var rest = root.Attributes().ToList();
        rest.ForEach(a => a.Remove());
        root.Add(new XAttribute("role", "img"), new XAttribute("aria-label", description), new XAttribute("viewBox", $"0 0 {width} {height}"));
        root.Add(rest);
        return root.ToString(SaveOptions.DisableFormatting);
    }

    /// <summary>Renames every <c>url(#id)</c> reference in an attribute value.</summary>
    private static string RenameUrls(string value, Func<string, string> rename)
    {
        var parts = value.Split("url(#");
        for (var i = 1; i < parts.Length; i++)
        {
            var end = parts[i].IndexOf(')', StringComparison.Ordinal);
            if (end > 0)
            {
                parts[i] = rename(parts[i][..end]) + parts[i][end..];
            }
        }

        return string.Join("url(#", parts);
    }
}
