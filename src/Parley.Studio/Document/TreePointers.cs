using Parley.Model;

namespace Parley.Studio.Document;

/// <summary>
/// Where in the tree a diagnostic's file:line:col falls, as a JSON pointer (RFC 6901), so the workbench can show it at
/// its field. Built once from the located tree of the YAML the forms write.
/// </summary>
internal sealed class TreePointers
{
    // Every node and every key, in document order (pre-order of the tree).
    private readonly List<(int Line, int Column, string Pointer, string? Key)> _marks = [];

    public TreePointers(RawNode root) => Walk(root, "");

    /// <summary>
    /// The node that starts at (line, column), or else the last one starting before it (an offset into a scalar). A key
    /// and its mapping can start at the same place: an error about that key (its message quotes it) goes to the key's entry.
    /// </summary>
    public string At(int line, int column, string message)
    {
        var exact = _marks.FindAll(m => m.Line == line && m.Column == column);
        if (exact.Count > 0)
        {
            var quoted = exact.FindIndex(m => m.Key is not null && message.Contains($"'{m.Key}'", StringComparison.Ordinal));
            return exact[Math.Max(quoted, 0)].Pointer;
        }

        var before = _marks.FindLastIndex(m => m.Line < line || (m.Line == line && m.Column <= column));
        return before < 0 ? "" : _marks[before].Pointer;
    }

    private void Walk(RawNode node, string pointer)
    {
        _marks.Add((node.Span.Line, node.Span.Column, pointer, null));
        switch (node)
        {
            case RawSequence list:
                for (var i = 0; i < list.Items.Count; i++)
                {
                    Walk(list.Items[i], $"{pointer}/{i}");
                }

                break;
            case RawMapping map:
                foreach (var (key, value) in map.KeyedEntries)
                {
                    var entry = $"{pointer}/{Escape(key.Text)}";
                    _marks.Add((key.Span.Line, key.Span.Column, entry, key.Text));
                    Walk(value, entry);
                }

                break;
        }
    }

    public static string Escape(string key) => key.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);
}
