namespace Parley.Model;

/// <summary>
/// A located YAML node: the one tree every YAML reader in Parley works on (scenario files, tournament
/// configs, NegMAS files) and the form kept for sections read by their lens (<c>simulation:</c>,
/// <c>forecast:</c>). Scalars keep their text; maps keep key order. Parse and write it with
/// <see cref="Parley.Scenarios.YamlTree"/>. How a node was written (its location, quoting) is not part of equality.
/// </summary>
public abstract record RawNode
{
    /// <summary>Where the node starts in the source file (not part of equality).</summary>
    public SourceSpan Span { get; init; }

    /// <summary>What the node is, for messages: "a scalar", "a list" or "a mapping".</summary>
    public abstract string Kind { get; }
}

/// <summary>
/// A 1-based line and column in a source file. Locations never take part in equality: two models
/// loaded from differently formatted but equivalent files are equal.
/// </summary>
public readonly record struct SourceSpan(int Line, int Column)
{
    /// <summary>Always true: locations are not part of a model's identity.</summary>
    public bool Equals(SourceSpan other) => true;

    /// <inheritdoc />
    public override int GetHashCode() => 0;

    /// <inheritdoc />
    public override string ToString() => $"{Line}:{Column}";
}

/// <summary>
/// A scalar's text. Equality is by <see cref="Text"/> only; <see cref="Quoted"/> and
/// <see cref="ValueColumn"/> say how it was written.
/// </summary>
public sealed record RawScalar(string Text) : RawNode
{
    /// <summary>
    /// True for a quoted or block scalar: its text is a string even where a plain one would read as a
    /// number, a boolean or null. Writing keeps such text quoted.
    /// </summary>
    public bool Quoted { get; init; }

    /// <summary>
    /// The column of the text's first character when the scalar sits on one line as written (plain or
    /// quoted), so an offset into the text maps to a column; 0 otherwise.
    /// </summary>
    public int ValueColumn { get; init; }

    /// <summary>A plain empty, <c>~</c> or <c>null</c> scalar.</summary>
    public bool IsNull => !Quoted && Text is "" or "~" or "null" or "Null" or "NULL";

    /// <inheritdoc />
    public override string Kind => "a scalar";

    /// <inheritdoc />
    public bool Equals(RawScalar? other) => other is not null && Text == other.Text;

    /// <inheritdoc />
    public override int GetHashCode() => Text.GetHashCode(StringComparison.Ordinal);
}

/// <summary>A sequence.</summary>
public sealed record RawSequence(ValueList<RawNode> Items) : RawNode
{
    /// <inheritdoc />
    public override string Kind => "a list";
}

/// <summary>A mapping, keys in file order (unique).</summary>
public sealed record RawMapping(ValueList<KeyValuePair<string, RawNode>> Entries) : RawNode
{
    private readonly IReadOnlyList<RawScalar>? _keys;

    /// <summary>
    /// The keys as located scalars, in the order of <see cref="Entries"/>. Set by the reader; where it is
    /// not set (or no longer matches the entries) the keys carry the mapping's own location.
    /// </summary>
    public IReadOnlyList<RawScalar> Keys
    {
        get => _keys is { } keys && keys.Count == Entries.Count && keys.Select(k => k.Text).SequenceEqual(Entries.Select(e => e.Key))
            ? keys
            : [.. Entries.Select(e => new RawScalar(e.Key) { Span = Span })];
        init => _keys = value;
    }

    /// <summary>The entries with their located keys.</summary>
    public IEnumerable<(RawScalar Key, RawNode Value)> KeyedEntries => Keys.Zip(Entries, (k, e) => (k, e.Value));

    /// <summary>The value under <paramref name="key"/>, or null.</summary>
    public RawNode? this[string key] => Entries.FirstOrDefault(e => e.Key == key).Value;

    /// <inheritdoc />
    public override string Kind => "a mapping";

    /// <inheritdoc />
    public bool Equals(RawMapping? other) => other is not null && Entries.Equals(other.Entries);

    /// <inheritdoc />
    public override int GetHashCode() => Entries.GetHashCode();
}
