using System.Text;
using Parley.Model;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Parley.Scenarios;

/// <summary>
/// Reads YAML text into a located <see cref="RawNode"/> tree, defensively: bounded size, depth and node count,
/// no anchors or aliases (so "billion laughs" cannot expand), binary data and bad UTF-8 rejected with
/// a location. Works from the parser's event stream, so deep nesting never recurses.
/// </summary>
internal static class YamlTreeReader
{
    public const long MaxBytes = 8 * 1024 * 1024;
    public const int MaxDepth = 64;
    public const int MaxNodes = 250_000;

    /// <summary>Longest text quoted back in a message (keys, ids, values), so hostile input cannot bloat output.</summary>
    public const int MaxQuoted = 40;

    /// <summary>Parses <paramref name="bytes"/>; on failure returns null and adds one located error.</summary>
    public static RawNode? Read(ReadOnlySpan<byte> bytes, string file, ICollection<Diagnostic> diagnostics)
    {
        if (bytes.Length > MaxBytes)
        {
            diagnostics.Add(new(Severity.Error, file, 1, 1, TooLarge(bytes.Length)));
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

        var progress = new Progress();
        try
        {
            var root = Build(new Parser(new StringReader(text)), file, diagnostics, progress);
            if (root is null && !diagnostics.Any(d => d.Severity == Severity.Error))
            {
                diagnostics.Add(new(Severity.Error, file, 1, 1, "file holds no YAML document; expected a scenario mapping (parley: 1, id:, parties:, issues:, …)"));
            }

            return root;
        }
        catch (YamlException ex)
        {
            diagnostics.Add(new(Severity.Error, file, Math.Max(1, (int)ex.Start.Line), Math.Max(1, (int)ex.Start.Column), "not valid YAML: " + Clean(ex.Message)));
            return null;
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or FormatException or OverflowException or IndexOutOfRangeException)
        {
            // YamlDotNet throws these (not a YamlException) on some malformed input: an unclosed '['
            // followed by more lines (InvalidOperationException), a bad tag such as "!!]" (ArgumentException).
            // Point at the innermost open '[' or '{', else at where parsing last succeeded.
            var detail = ex is ArgumentException arg ? " (" + Quote(arg.Message.Split(" (Parameter", 2)[0]) + ")" : "";
            var (at, message) = progress.OpenFlow.TryPeek(out var open)
                ? (open, "not valid YAML: this '[' or '{' is not closed where expected" + detail)
                : (progress.Reached, "not valid YAML: the parser stopped after this point" + detail);
            diagnostics.Add(new(Severity.Error, file, Math.Max(1, (int)at.Line), Math.Max(1, (int)at.Column), message));
            return null;
        }
    }

    /// <summary>The message for input over <see cref="MaxBytes"/>.</summary>
    public static string TooLarge(long length) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"input is {length / (1024 * 1024.0):0.#} MB; scenario files are limited to {MaxBytes / (1024 * 1024)} MB");

    private static string Clean(string message)
    {
        // YamlDotNet prefixes messages with "(Line: l, Col: c, Idx: i) - (…): "; the location is reported separately.
        var cut = message.LastIndexOf("): ", StringComparison.Ordinal);
        return (cut >= 0 ? message[(cut + 3)..] : message).Trim();
    }

    private static bool TryDecode(ReadOnlySpan<byte> bytes, string file, ICollection<Diagnostic> diagnostics, out string text)
    {
        text = "";
        if (bytes.Length >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)))
        {
            diagnostics.Add(new(Severity.Error, file, 1, 1, "file is UTF-16 text; save it as UTF-8"));
            return false;
        }

        var line = 1;
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
                diagnostics.Add(new(Severity.Error, file, line, i - lineStart + 1, $"binary data (byte 0x{b:X2}); a scenario file is UTF-8 text"));
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

    private static RawNode? Build(Parser parser, string file, ICollection<Diagnostic> diagnostics, Progress progress)
    {
        // Explicit stack of containers under construction: no recursion, so depth is bounded by MaxDepth only.
        var stack = new Stack<Frame>();
        RawNode? root = null;
        var nodes = 0;
        var documents = 0;
        while (parser.MoveNext())
        {
            var current = parser.Current!;
            progress.Reached = current.End;
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
                    diagnostics.Add(new(Severity.Error, file, (int)alias.Start.Line, (int)alias.Start.Column, $"YAML aliases (*{Quote(alias.Value.Value)}) are not allowed in scenario files; write the value out"));
                    return null;
            }

            if (current is NodeEvent { Anchor.IsEmpty: false } anchored)
            {
                diagnostics.Add(new(Severity.Error, file, (int)anchored.Start.Line, (int)anchored.Start.Column, $"YAML anchors (&{Quote(anchored.Anchor.Value)}) are not allowed in scenario files; write the value out"));
                return null;
            }

            if (++nodes > MaxNodes)
            {
                diagnostics.Add(new(Severity.Error, file, (int)current.Start.Line, (int)current.Start.Column, $"more than {MaxNodes:N0} YAML nodes; scenario files are limited to that"));
                return null;
            }

            var line = (int)current.Start.Line;
            var column = (int)current.Start.Column;
            RawNode? completed = null;
            switch (current)
            {
                case Scalar scalar:
                    var quoted = scalar.Style is not ScalarStyle.Plain and not ScalarStyle.Any;
                    var inline = scalar.Start.Line == scalar.End.Line && scalar.Style is ScalarStyle.Plain or ScalarStyle.Any or ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted;
                    completed = new RawScalar(scalar.Value) { Quoted = quoted, ValueColumn = inline ? column + (quoted ? 1 : 0) : 0, Span = new(line, column) };
                    break;
                case SequenceStart:
                case MappingStart:
                    if (stack.Count >= MaxDepth)
                    {
                        diagnostics.Add(new(Severity.Error, file, line, column, $"nesting deeper than {MaxDepth} levels; scenario files are limited to that"));
                        return null;
                    }

                    var flow = current is SequenceStart { Style: SequenceStyle.Flow } or MappingStart { Style: MappingStyle.Flow };
                    if (flow)
                    {
                        progress.OpenFlow.Push(current.Start);
                    }

                    stack.Push(new Frame(current is MappingStart, flow, line, column));
                    continue;
                case SequenceEnd:
                    var seq = Close(stack, progress);
                    completed = new RawSequence(seq.Items.ToValueList()) { Span = new(seq.Line, seq.Column) };
                    break;
                case MappingEnd:
                    var map = Close(stack, progress);
                    var entries = new List<KeyValuePair<string, RawNode>>(map.Items.Count / 2);
                    var keyNodes = new List<RawScalar>(map.Items.Count / 2);
                    var keys = new HashSet<string>(StringComparer.Ordinal);
                    for (var i = 0; i + 1 < map.Items.Count; i += 2)
                    {
                        if (map.Items[i] is not RawScalar key)
                        {
                            diagnostics.Add(new(Severity.Error, file, map.Items[i].Span.Line, map.Items[i].Span.Column, "mapping keys must be plain names, not lists or mappings"));
                            return null;
                        }

                        if (!keys.Add(key.Text))
                        {
                            diagnostics.Add(new(Severity.Error, file, key.Span.Line, key.Span.Column, $"duplicate key '{Quote(key.Text)}'"));
                            continue;
                        }

                        entries.Add(new(key.Text, map.Items[i + 1]));
                        keyNodes.Add(key);
                    }

                    completed = new RawMapping(entries.ToValueList()) { Keys = keyNodes, Span = new(map.Line, map.Column) };
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

    /// <summary>Text quoted back in a message, cut to <see cref="MaxQuoted"/> characters.</summary>
    public static string Quote(string text) => text.Length > MaxQuoted ? text[..MaxQuoted] + "…" : text;

    private static Frame Close(Stack<Frame> stack, Progress progress)
    {
        var frame = stack.Pop();
        if (frame.IsFlow)
        {
            progress.OpenFlow.Pop();
        }

        return frame;
    }

    /// <summary>How far parsing got, for locating failures the parser reports without a position.</summary>
    private sealed class Progress
    {
        public Mark Reached { get; set; } = Mark.Empty;

        public Stack<Mark> OpenFlow { get; } = new();
    }

    private sealed record Frame(bool IsMapping, bool IsFlow, int Line, int Column)
    {
        public List<RawNode> Items { get; } = [];
    }
}
