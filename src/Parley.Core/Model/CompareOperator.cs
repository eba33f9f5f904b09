namespace Parley.Model;

/// <summary>A numeric comparison in an <see cref="IssueCompare"/> atom.</summary>
public enum CompareOperator
{
    /// <summary><c>&lt;</c></summary>
    Less,

    /// <summary><c>&lt;=</c></summary>
    LessOrEqual,

    /// <summary><c>&gt;</c></summary>
    Greater,

    /// <summary><c>&gt;=</c></summary>
    GreaterOrEqual,
}
