namespace Parley.Model;

/// <summary>
/// A YAML subtree kept as data, for sections whose typed model belongs to a later lens
/// (<c>simulation:</c>, <c>forecast:</c>). Scalars keep their text; maps keep key order.
/// </summary>
public abstract record RawNode
{
    /// <summary>Where the node starts in the source file (not part of equality).</summary>
    public SourceSpan Span { get; init; }
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

/// <summary>A scalar's text.</summary>
public sealed record RawScalar(string Text) : RawNode;

/// <summary>A sequence.</summary>
public sealed record RawSequence(ValueList<RawNode> Items) : RawNode;

/// <summary>A mapping, keys in file order.</summary>
public sealed record RawMapping(ValueList<KeyValuePair<string, RawNode>> Entries) : RawNode
{
    /// <summary>The value under <paramref name="key"/>, or null.</summary>
    public RawNode? this[string key] => Entries.FirstOrDefault(e => e.Key == key).Value;
}
