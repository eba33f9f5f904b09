using System.Globalization;

namespace Parley.Model;

/// <summary>
/// A comparison of a numeric issue's value with a number (<c>price &gt;= 40</c>). The scenario loader
/// resolves it into an <see cref="IssueIn"/> over the options that satisfy it, so loaded scenarios never
/// contain this atom; it appears only in text parsed directly with <see cref="ConditionParser"/>.
/// </summary>
/// <param name="Issue">The numeric issue's id.</param>
/// <param name="Operator">The comparison.</param>
/// <param name="Value">The number compared with.</param>
public sealed record IssueCompare(string Issue, CompareOperator Operator, double Value) : Condition
{
    /// <inheritdoc />
    public override bool Evaluate(Func<Condition, bool> atom) => atom(this);

    /// <inheritdoc />
    public override IEnumerable<Condition> Atoms() => [this];

    /// <summary>Truth for the issue's value <paramref name="x"/>.</summary>
    public bool Holds(double x) => Operator switch
    {
        CompareOperator.Less => x < Value,
        CompareOperator.LessOrEqual => x <= Value,
        CompareOperator.Greater => x > Value,
        _ => x >= Value,
    };

    /// <summary>The operator as written (<c>&lt;</c>, <c>&lt;=</c>, <c>&gt;</c>, <c>&gt;=</c>).</summary>
    public string Symbol => Operator switch
    {
        CompareOperator.Less => "<",
        CompareOperator.LessOrEqual => "<=",
        CompareOperator.Greater => ">",
        _ => ">=",
    };

    /// <inheritdoc />
    public override string ToString() => $"{Issue} {Symbol} {Value.ToString("R", CultureInfo.InvariantCulture)}";
}
