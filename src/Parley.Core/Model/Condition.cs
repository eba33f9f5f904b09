namespace Parley.Model;

/// <summary>
/// A boolean expression. Red lines use issue atoms (<c>T in [T1, T2]</c>, <c>G != G5</c>);
/// the conflict section uses option atoms (a bare option id means "option taken").
/// Parse with <see cref="ConditionParser"/>; <see cref="ToString"/> writes the canonical text back.
/// </summary>
public abstract record Condition
{
    /// <summary>Evaluates the condition given the truth of each atom.</summary>
    public abstract bool Evaluate(Func<Condition, bool> atom);

    /// <summary>All atoms in the expression, left to right.</summary>
    public abstract IEnumerable<Condition> Atoms();

    /// <summary>Canonical text; parsing it gives an equal condition.</summary>
    public abstract override string ToString();

    internal virtual int Precedence => 9;

    // "<=" (not "<"): a nested conjunction inside a conjunction keeps its parentheses, so that
    // parsing the text gives back the same tree (AllOf[AllOf[a, b], c] is not AllOf[a, b, c]).
    internal string Wrap(Condition child) => child.Precedence <= Precedence ? $"({child})" : child.ToString();
}

/// <summary>True when the issue's chosen option is (or, negated, is not) one of <paramref name="Options"/>.
/// <c>X == a</c> is the one-option form, <c>X != a</c> its negation.</summary>
public sealed record IssueIn(string Issue, ValueList<string> Options, bool Negated = false) : Condition
{
    /// <inheritdoc />
    public override bool Evaluate(Func<Condition, bool> atom) => atom(this);

    /// <inheritdoc />
    public override IEnumerable<Condition> Atoms() => [this];

    /// <summary>Truth for a chosen option id.</summary>
    public bool Holds(string chosenOption) => Options.Contains(chosenOption) != Negated;

    /// <inheritdoc />
    public override string ToString() => Options.Count == 1
        ? $"{Issue} {(Negated ? "!=" : "==")} {Options[0]}"
        : $"{Issue} {(Negated ? "not in" : "in")} [{string.Join(", ", Options)}]";
}

/// <summary>A conflict option is taken (Y).</summary>
public sealed record OptionTaken(string Option) : Condition
{
    /// <inheritdoc />
    public override bool Evaluate(Func<Condition, bool> atom) => atom(this);

    /// <inheritdoc />
    public override IEnumerable<Condition> Atoms() => [this];

    /// <inheritdoc />
    public override string ToString() => Option;
}

/// <summary>Negation.</summary>
public sealed record Negation(Condition Operand) : Condition
{
    internal override int Precedence => 5;

    /// <inheritdoc />
    public override bool Evaluate(Func<Condition, bool> atom) => !Operand.Evaluate(atom);

    /// <inheritdoc />
    public override IEnumerable<Condition> Atoms() => Operand.Atoms();

    /// <inheritdoc />
    public override string ToString() => "not " + Wrap(Operand);
}

/// <summary>Conjunction of two or more operands.</summary>
public sealed record AllOf(ValueList<Condition> Operands) : Condition
{
    internal override int Precedence => 4;

    /// <inheritdoc />
    public override bool Evaluate(Func<Condition, bool> atom) => Operands.All(o => o.Evaluate(atom));

    /// <inheritdoc />
    public override IEnumerable<Condition> Atoms() => Operands.SelectMany(o => o.Atoms());

    /// <inheritdoc />
    public override string ToString() => string.Join(" and ", Operands.Select(Wrap));
}

/// <summary>Disjunction of two or more operands.</summary>
public sealed record AnyOf(ValueList<Condition> Operands) : Condition
{
    internal override int Precedence => 3;

    /// <inheritdoc />
    public override bool Evaluate(Func<Condition, bool> atom) => Operands.Any(o => o.Evaluate(atom));

    /// <inheritdoc />
    public override IEnumerable<Condition> Atoms() => Operands.SelectMany(o => o.Atoms());

    /// <inheritdoc />
    public override string ToString() => string.Join(" or ", Operands.Select(Wrap));
}

/// <summary>Implication: <c>if If then Then</c> (true when <see cref="If"/> is false).</summary>
public sealed record Implies(Condition If, Condition Then) : Condition
{
    internal override int Precedence => 1;

    /// <inheritdoc />
    public override bool Evaluate(Func<Condition, bool> atom) => !If.Evaluate(atom) || Then.Evaluate(atom);

    /// <inheritdoc />
    public override IEnumerable<Condition> Atoms() => If.Atoms().Concat(Then.Atoms());

    /// <inheritdoc />
    public override string ToString() => $"if {WrapLow(If)} then {WrapLow(Then)}";

    private static string WrapLow(Condition c) => c.Precedence <= 2 ? $"({c})" : c.ToString();
}

/// <summary>Equivalence: <c>Left iff Right</c>.</summary>
public sealed record Iff(Condition Left, Condition Right) : Condition
{
    internal override int Precedence => 2;

    /// <inheritdoc />
    public override bool Evaluate(Func<Condition, bool> atom) => Left.Evaluate(atom) == Right.Evaluate(atom);

    /// <inheritdoc />
    public override IEnumerable<Condition> Atoms() => Left.Atoms().Concat(Right.Atoms());

    /// <inheritdoc />
    public override string ToString() => $"{WrapTight(Left)} iff {WrapTight(Right)}";

    private static string WrapTight(Condition c) => c.Precedence <= 2 ? $"({c})" : c.ToString();
}
