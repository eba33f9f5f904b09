using YamlDotNet.Core;
using YamlDotNet.Core.Tokens;

namespace Parley.Studio.Document;

/// <summary>What the YAML writer keeps of a scenario file and what it loses: the header comment block is kept; comments inside the document are not.</summary>
internal static class ScenarioText
{
    /// <summary>The leading lines that are comments or blank (with their line ends), written back above the document on save.</summary>
    public static string Header(string text)
    {
        var end = 0;
        while (end < text.Length)
        {
            var next = text.IndexOf('\n', end);
            var line = next < 0 ? text[end..] : text[end..next];
            if (line.Trim().Length > 0 && !line.TrimStart().StartsWith('#'))
            {
                break;
            }

            end = next < 0 ? text.Length : next + 1;
        }

        var header = text[..end].TrimEnd('\r', '\n', ' ', '\t');
        return header.Length == 0 ? "" : header.ReplaceLineEndings("\n") + "\n";
    }

    /// <summary>The comments after the header (YAML comment tokens, so a '#' inside a quoted string is not one): what saving drops.</summary>
    public static int CommentsLost(string text)
    {
        var headerLines = Header(text).Count(c => c == '\n');
        var count = 0;
        try
        {
            var scanner = new Scanner(new StringReader(text), skipComments: false);
            while (scanner.MoveNext())
            {
                if (scanner.Current is Comment comment && comment.Start.Line > headerLines)
                {
                    count++;
                }
            }
        }
        catch (YamlException)
        {
            // Text that does not scan has no comments the writer could keep either; the loader reports the error.
        }

        return count;
    }
}
