namespace Parley.Scenarios;

/// <summary>A located YAML node (our own small tree: no aliases, bounded depth and size).</summary>
internal abstract record YNode(int Line, int Column)
{
    public abstract string Kind { get; }
}

/// <summary>
/// A scalar; <see cref="Quoted"/> is true for quoted or block scalars (never null/bool-like).
/// <see cref="ValueColumn"/> is the column of the value's first character when the value sits on one
/// line as written (plain or quoted), so an offset into the value maps to a column; 0 otherwise.
/// </summary>
internal sealed record YScalar(string Value, bool Quoted, int Line, int Column, int ValueColumn = 0) : YNode(Line, Column)
{
    public override string Kind => "a scalar";

    public bool IsNull => !Quoted && Value is "" or "~" or "null" or "Null" or "NULL";
}

internal sealed record YSequence(IReadOnlyList<YNode> Items, int Line, int Column) : YNode(Line, Column)
{
    public override string Kind => "a list";
}

internal sealed record YMapping(IReadOnlyList<KeyValuePair<YScalar, YNode>> Entries, int Line, int Column) : YNode(Line, Column)
{
    public override string Kind => "a mapping";

    public YNode? this[string key] => Entries.FirstOrDefault(e => e.Key.Value == key).Value;
}
