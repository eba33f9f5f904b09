using System.Text;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Parley.Scenarios;

/// <summary>
/// Reads YAML text into a <see cref="YNode"/> tree, defensively: bounded size, depth and node count,
/// no anchors or aliases (so "billion laughs" cannot expand), binary data and bad UTF-8 rejected with
/// a location. Works from the parser's event stream, so deep nesting never recurses.
/// </summary>
internal static class YamlTreeReader
{
    public const long MaxBytes = 8 * 1024 * 1024;
    public const int MaxDepth = 64;
    public const int MaxNodes = 1_000_000;

    /// <summary>Parses <paramref name="bytes"/>; on failure returns null and adds one located error.</summary>
    public static YNode? Read(ReadOnlySpan<byte> bytes, string file, List<Diagnostic> diagnostics)
    {
        if (bytes.Length > MaxBytes)
        {
            diagnostics.Add(new(Severity.Error, file, 1, 1, $"file is {bytes.Length / (1024 * 1024.0):0.#} MB; scenario files are limited to {MaxBytes / (1024 * 1024)} MB"));
            return null;
        }

        if (!TryDecode(bytes, file, diagnostics, out var text))
        {
            return null;
        }

        if (string.IsNullOrWhiteSpace(text) || text.Split('\n').All(l => l.TrimStart().StartsWith('#') || string.IsNullOrWhiteSpace(l)))
        {
            diagnostics.Add(new(Severity.Error, file, 1, 1, "file is empty; expected a scenario mapping (parley: 1, id:, parties:, issues:, …)"));
            return null;
        }

        try
        {
            return Build(new Parser(new StringReader(text)), file, diagnostics);
        }
        catch (YamlException ex)
        {
            diagnostics.Add(new(Severity.Error, file, (int)ex.Start.Line, (int)ex.Start.Column, "not valid YAML: " + Clean(ex.Message)));
            return null;
        }
    }

    private static string Clean(string message)
    {
        // YamlDotNet prefixes messages with "(Line: l, Col: c, Idx: i) - (…): "; the location is reported separately.
        var cut = message.LastIndexOf("): ", StringComparison.Ordinal);
        return (cut >= 0 ? message[(cut + 3)..] : message).Trim();
    }

    private static bool TryDecode(ReadOnlySpan<byte> bytes, string file, List<Diagnostic> diagnostics, out string text)
    {
        text = "";
        var line = 1;
        var column = 1;
        var lineStart = 0;
        for (var i = 0; i < bytes.Length; i++)
        {
            var b = bytes[i];
            if (b == (byte)'\n')
            {
                line++;
                lineStart = i + 1;
                continue;
            }

            if (b == 0 || (b < 0x20 && b is not (byte)'\t' and not (byte)'\r'))
            {
                column = i - lineStart + 1;
                diagnostics.Add(new(Severity.Error, file, line, column, $"binary data (byte 0x{b:X2}); a scenario file is UTF-8 text"));
                return false;
            }
        }

        try
        {
            text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(bytes);
            if (text.Length > 0 && text[0] == '\uFEFF')
            {
                text = text[1..];
            }

            return true;
        }
        catch (DecoderFallbackException ex)
        {
            var at = Math.Max(0, ex.Index);
            var before = bytes[..Math.Min(at, bytes.Length)];
            var badLine = 1 + before.Count((byte)'\n');
            var lastNl = before.LastIndexOf((byte)'\n');
            diagnostics.Add(new(Severity.Error, file, badLine, at - lastNl, "invalid UTF-8 byte sequence; a scenario file is UTF-8 text"));
            return false;
        }
    }

    private static YNode? Build(Parser parser, string file, List<Diagnostic> diagnostics)
    {
        // Explicit stack of containers under construction: no recursion, so depth is bounded by MaxDepth only.
        var stack = new Stack<Frame>();
        YNode? root = null;
        var nodes = 0;
        var documents = 0;
        while (parser.MoveNext())
        {
            var current = parser.Current!;
            switch (current)
            {
                case StreamStart or StreamEnd or DocumentEnd:
                    continue;
                case DocumentStart:
                    if (++documents > 1)
                    {
                        diagnostics.Add(new(Severity.Error, file, (int)current.Start.Line, (int)current.Start.Column, "more than one YAML document; a scenario file holds exactly one"));
                        return null;
                    }

                    continue;
                case AnchorAlias alias:
                    diagnostics.Add(new(Severity.Error, file, (int)alias.Start.Line, (int)alias.Start.Column, $"YAML aliases (*{alias.Value}) are not allowed in scenario files; write the value out"));
                    return null;
            }

            if (current is NodeEvent { Anchor.IsEmpty: false } anchored)
            {
                diagnostics.Add(new(Severity.Error, file, (int)anchored.Start.Line, (int)anchored.Start.Column, $"YAML anchors (&{anchored.Anchor}) are not allowed in scenario files; write the value out"));
                return null;
            }

            if (++nodes > MaxNodes)
            {
                diagnostics.Add(new(Severity.Error, file, (int)current.Start.Line, (int)current.Start.Column, $"more than {MaxNodes:N0} YAML nodes; scenario files are limited to that"));
                return null;
            }

            var line = (int)current.Start.Line;
            var column = (int)current.Start.Column;
            YNode? completed = null;
            switch (current)
            {
                case Scalar scalar:
                    completed = new YScalar(scalar.Value, scalar.Style is not ScalarStyle.Plain and not ScalarStyle.Any, line, column);
                    break;
                case SequenceStart:
                case MappingStart:
                    if (stack.Count >= MaxDepth)
                    {
                        diagnostics.Add(new(Severity.Error, file, line, column, $"nesting deeper than {MaxDepth} levels; scenario files are limited to that"));
                        return null;
                    }

                    stack.Push(new Frame(current is MappingStart, line, column));
                    continue;
                case SequenceEnd:
                    var seq = stack.Pop();
                    completed = new YSequence(seq.Items, seq.Line, seq.Column);
                    break;
                case MappingEnd:
                    var map = stack.Pop();
                    var entries = new List<KeyValuePair<YScalar, YNode>>();
                    for (var i = 0; i + 1 < map.Items.Count; i += 2)
                    {
                        if (map.Items[i] is not YScalar key)
                        {
                            diagnostics.Add(new(Severity.Error, file, map.Items[i].Line, map.Items[i].Column, "mapping keys must be plain names, not lists or mappings"));
                            return null;
                        }

                        if (entries.Any(e => e.Key.Value == key.Value))
                        {
                            diagnostics.Add(new(Severity.Error, file, key.Line, key.Column, $"duplicate key '{key.Value}'"));
                            continue;
                        }

                        entries.Add(new(key, map.Items[i + 1]));
                    }

                    completed = new YMapping(entries, map.Line, map.Column);
                    break;
            }

            if (completed is null)
            {
                continue;
            }

            if (stack.Count == 0)
            {
                root = completed;
            }
            else
            {
                stack.Peek().Items.Add(completed);
            }
        }

        return root;
    }

    private sealed record Frame(bool IsMapping, int Line, int Column)
    {
        public List<YNode> Items { get; } = [];
    }
}
