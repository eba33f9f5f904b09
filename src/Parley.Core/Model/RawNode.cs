namespace Parley.Model;

/// <summary>
/// A YAML subtree kept as data, for sections whose typed model belongs to a later lens
/// (<c>simulation:</c>, <c>forecast:</c>). Scalars keep their text; maps keep key order.
/// </summary>
public abstract record RawNode;

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
