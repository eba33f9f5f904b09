using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace Parley.Report;

/// <summary>
/// Appends HTML (and inline SVG) with every text and attribute value escaped, so scenario text
/// (names, notes) can never inject markup into the briefing.
/// </summary>
internal sealed class HtmlWriter
{
    private readonly StringBuilder _text = new();
    private readonly Dictionary<string, string> _plots = new(StringComparer.Ordinal);

    /// <summary>Every character that matters in HTML text and quoted attributes, escaped; other text kept as it is (UTF-8 page).</summary>
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary>Escapes text and attribute values (System.Text.Encodings.Web).</summary>
    public static string Escape(string value) => Encoder.Encode(value);

    /// <summary>A number for SVG coordinates and attributes: invariant, at most two decimals.</summary>
    public static string Num(double value) => Math.Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture);

    public HtmlWriter Open(string tag, params (string Name, string? Value)[] attributes)
    {
        _text.Append('<').Append(tag);
        AppendAttributes(attributes);
        _text.Append('>');
        return this;
    }

    public HtmlWriter Close(string tag)
    {
        _text.Append("</").Append(tag).Append('>');
        return this;
    }

    /// <summary>An element with escaped text content.</summary>
    public HtmlWriter Element(string tag, string text, params (string Name, string? Value)[] attributes) =>
        Open(tag, attributes).Text(text).Close(tag);

    /// <summary>A self-closed element (for SVG shapes; also valid for HTML void elements).</summary>
    public HtmlWriter Empty(string tag, params (string Name, string? Value)[] attributes)
    {
        _text.Append('<').Append(tag);
        AppendAttributes(attributes);
        _text.Append("/>");
        return this;
    }

    public HtmlWriter Text(string text)
    {
        _text.Append(Escape(text));
        return this;
    }

    /// <summary>Markup produced by another writer or a trusted renderer (never scenario text).</summary>
    public HtmlWriter Raw(string html)
    {
        _text.Append(html);
        return this;
    }

    /// <summary>A table with escaped cells; <paramref name="id"/> lets tests and readers find it.</summary>
    public HtmlWriter Table(string id, string caption, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows)
    {
        Open("table", ("id", id), ("data-table", id));
        Element("caption", caption);
        Open("thead").Open("tr");
        foreach (var header in headers)
        {
            Element("th", header, ("scope", "col"));
        }

        Close("tr").Close("thead").Open("tbody");
        foreach (var row in rows)
        {
            Open("tr");
            foreach (var cell in row)
            {
                Element("td", cell);
            }

            Close("tr");
        }

        return Close("tbody").Close("table");
    }

    /// <summary>The figures written so far: id → their markup (an SVG, or HTML around several), as <see cref="Figure"/> wrote it.</summary>
    public IReadOnlyDictionary<string, string> Plots => _plots;

    /// <summary>A figure wrapping trusted SVG markup, with id <c>fig-ID</c> and <c>data-figure="ID"</c>.</summary>
    public HtmlWriter Figure(string id, string svg, string caption)
    {
        _plots[id] = svg;
        Open("figure", ("id", "fig-" + id), ("data-figure", id)).Raw(svg).Element("figcaption", caption);
        return Close("figure");
    }

    public override string ToString() => _text.ToString();

    private void AppendAttributes((string Name, string? Value)[] attributes)
    {
        foreach (var (name, value) in attributes)
        {
            if (value is not null)
            {
                _text.Append(' ').Append(name).Append("=\"").Append(Escape(value)).Append('"');
            }
        }
    }
}
