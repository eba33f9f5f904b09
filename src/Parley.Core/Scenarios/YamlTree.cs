using System.Globalization;
using Parley.Model;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Parley.Scenarios;

/// <summary>
/// Parses YAML into the located <see cref="RawNode"/> tree and writes it back. <c>Parse(Write(t))</c> equals
/// <c>t</c>. Thread-safe (no state).
/// </summary>
public static class YamlTree
{
    /// <summary>
    /// Parses <paramref name="text"/> with the bounded reader scenario files go through (8 MB, depth 64,
    /// 250,000 nodes, no anchors or aliases, one document). On failure returns null and adds located errors
    /// (file:line:col) to <paramref name="diagnostics"/>.
    /// </summary>
    public static RawNode? Parse(string text, string file, ICollection<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(diagnostics);
        return YamlTreeReader.Read(System.Text.Encoding.UTF8.GetBytes(text), file, diagnostics);
    }

    /// <summary>
    /// Writes <paramref name="node"/> as block-style YAML; mappings of at most 8 scalars and lists of scalars
    /// (or of lists of scalars) are written in flow style. A scalar is quoted only where plain text would read
    /// differently: YAML syntax, or a <see cref="RawScalar.Quoted"/> text a plain scalar would turn into a
    /// number, boolean or null.
    /// </summary>
    public static string Write(RawNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        var text = new StringWriter(CultureInfo.InvariantCulture);
        var emitter = new Emitter(text, 2, int.MaxValue);
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart());
        Emit(emitter, node, isRoot: true);
        emitter.Emit(new DocumentEnd(isImplicit: true));
        emitter.Emit(new StreamEnd());
        return text.ToString();
    }

    private static void Emit(IEmitter emitter, RawNode node, bool isRoot = false)
    {
        switch (node)
        {
            case RawScalar s:
                var plain = IsPlainSafe(s.Text) && !(s.Quoted && IsTyped(s.Text));
                emitter.Emit(new Scalar(AnchorName.Empty, TagName.Empty, s.Text, plain ? ScalarStyle.Plain : ScalarStyle.DoubleQuoted, plain, !plain));
                break;
            case RawMapping map:
                var flowMap = !isRoot && map.Entries.Count is > 0 and <= 8 && map.Entries.All(e => e.Value is RawScalar);
                emitter.Emit(new MappingStart(AnchorName.Empty, TagName.Empty, true, flowMap ? MappingStyle.Flow : MappingStyle.Block));
                foreach (var (key, value) in map.Entries)
                {
                    Emit(emitter, new RawScalar(key) { Quoted = true });
                    Emit(emitter, value);
                }

                emitter.Emit(new MappingEnd());
                break;
            case RawSequence list:
                var flowList = list.Items.All(x => x is RawScalar || (x is RawSequence inner && inner.Items.All(y => y is RawScalar)));
                emitter.Emit(new SequenceStart(AnchorName.Empty, TagName.Empty, true, flowList ? SequenceStyle.Flow : SequenceStyle.Block));
                foreach (var item in list.Items)
                {
                    Emit(emitter, item);
                }

                emitter.Emit(new SequenceEnd());
                break;
            default:
                throw new ArgumentException($"cannot write a {node.GetType().Name}", nameof(node));
        }
    }

    /// <summary>
    /// Text that reads back as the same plain scalar in block and flow context: letters, digits and a few
    /// inner signs, no YAML indicators, no leading or trailing space.
    /// </summary>
    private static bool IsPlainSafe(string s) =>
        s.Length is > 0 and <= 200
        && (char.IsLetterOrDigit(s[0]) || s[0] is '_' || (s[0] is '-' or '+' or '.' && s.Length > 1 && char.IsLetterOrDigit(s[1])))
        && (char.IsLetterOrDigit(s[^1]) || s[^1] is '_' or '.' or ')')
        && s.All(c => char.IsLetterOrDigit(c) || c is '_' or '-' or '.' or '+' or ' ' or '(' or ')' or '/')
        && !s.Contains("  ", StringComparison.Ordinal);

    /// <summary>Words a plain scalar turns into null, a boolean or a number.</summary>
    private static bool IsTyped(string s) =>
        s.ToLowerInvariant() is "" or "~" or "null" or "true" or "false" or "yes" or "no" or "on" or "off" or "y" or "n" or "nan" or "inf" or "infinity"
            or ".nan" or ".inf" or "-.inf" or "+.inf"
        || double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out _);
}
