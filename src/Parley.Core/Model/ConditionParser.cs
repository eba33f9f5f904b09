using System.Globalization;

namespace Parley.Model;

/// <summary>
/// Parses condition text. Grammar (keywords are case-insensitive):
/// <code>
/// cond    := 'if' cond 'then' cond | iff
/// iff     := or (('iff' | '&lt;=&gt;') or | 'if' or)?     -- "A if B" means "if B then A" (gmcr-py style)
/// or      := and (('or' | '|') and)*
/// and     := not (('and' | '&amp;') not)*
/// not     := ('not' | '-' | '!') not | atom
/// atom    := '(' cond ')' | ID | ID ('==' | '=' | '!=') VALUE | ID 'in' list | ID 'not' 'in' list
///          | ID ('&lt;' | '&lt;=' | '&gt;' | '&gt;=') NUMBER
/// list    := '[' VALUE (',' VALUE)* ']'
/// VALUE   := ID | NUMBER
/// </code>
/// A bare ID is an <see cref="OptionTaken"/> atom (conflict options); <c>==</c>, <c>!=</c>, <c>in</c>
/// and <c>not in</c> give <see cref="IssueIn"/> atoms (issue options, or numbers of a numeric issue);
/// <c>&lt;</c> … <c>&gt;=</c> give <see cref="IssueCompare"/> atoms (numeric issues).
/// </summary>
public static class ConditionParser
{
    /// <summary>Deepest nesting of parentheses, <c>not</c> and <c>if</c> accepted.</summary>
    public const int MaxDepth = 64;

    /// <summary>Parses <paramref name="text"/> or throws <see cref="ConditionSyntaxException"/> with the offset of the problem.</summary>
    public static Condition Parse(string text) => Parse(text, null);

    /// <summary>Parses and records where each atom starts (for located diagnostics).</summary>
    internal static Condition Parse(string text, ConditionSites? sites)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parser = new Cursor(text, sites);
        parser.SkipSpace();
        if (parser.AtEnd)
        {
            throw new ConditionSyntaxException("condition is empty", 0);
        }

        var result = parser.ParseCondition(0);
        parser.SkipSpace();
        if (!parser.AtEnd)
        {
            throw new ConditionSyntaxException($"unexpected '{parser.Rest()}' after a complete condition", parser.Position);
        }

        return result;
    }

    private sealed class Cursor(string text, ConditionSites? sites)
    {
        private int _pos;

        public int Position => _pos;

        public bool AtEnd => _pos >= text.Length;

        public string Rest() => text.Length - _pos > 20 ? text[_pos..(_pos + 20)] + "…" : text[_pos..];

        public void SkipSpace()
        {
            while (_pos < text.Length && char.IsWhiteSpace(text[_pos]))
            {
                _pos++;
            }
        }

        public Condition ParseCondition(int depth)
        {
            CheckDepth(depth);
            SkipSpace();
            if (TryKeyword("if"))
            {
                var premise = ParseCondition(depth + 1);
                if (!TryKeyword("then"))
                {
                    throw new ConditionSyntaxException(AtEnd ? "expected 'then' after the 'if' part, found the end" : $"expected 'then' after the 'if' part, found '{Rest()}'", _pos);
                }

                var consequence = ParseCondition(depth + 1);
                return new Implies(premise, consequence);
            }

            var left = ParseOr(depth);
            if (TryKeyword("iff") || TrySymbol("<=>"))
            {
                return new Iff(left, ParseOr(depth));
            }

            if (TryKeyword("if"))
            {
                // Postfix form "A if B" (gmcr-py): A holds whenever B does.
                return new Implies(ParseOr(depth), left);
            }

            return left;
        }

        private void CheckDepth(int depth)
        {
            if (depth > MaxDepth)
            {
                throw new ConditionSyntaxException($"condition nested deeper than {MaxDepth} levels", _pos);
            }
        }

        private Condition ParseOr(int depth)
        {
            var operands = new List<Condition> { ParseAnd(depth) };
            while (TryKeyword("or") || TrySymbol("|"))
            {
                operands.Add(ParseAnd(depth));
            }

            return operands.Count == 1 ? operands[0] : new AnyOf(operands.ToValueList());
        }

        private Condition ParseAnd(int depth)
        {
            var operands = new List<Condition> { ParseNot(depth) };
            while (TryKeyword("and") || TrySymbol("&"))
            {
                operands.Add(ParseNot(depth));
            }

            return operands.Count == 1 ? operands[0] : new AllOf(operands.ToValueList());
        }

        private Condition ParseNot(int depth)
        {
            CheckDepth(depth);
            if (TryKeyword("not") || TrySymbol("-") || TrySymbol("!"))
            {
                return new Negation(ParseNot(depth + 1));
            }

            return ParseAtom(depth);
        }

        private Condition ParseAtom(int depth)
        {
            SkipSpace();
            if (TrySymbol("("))
            {
                var inner = ParseCondition(depth + 1);
                if (!TrySymbol(")"))
                {
                    throw new ConditionSyntaxException(AtEnd ? "expected ')', found the end" : $"expected ')', found '{Rest()}'", _pos);
                }

                return inner;
            }

            var start = _pos;
            var id = ReadIdentifier() ?? throw new ConditionSyntaxException(
                AtEnd ? "condition ends where an option or issue id was expected" : $"expected an option or issue id, found '{Rest()}'", _pos);
            if (IsKeyword(id))
            {
                throw new ConditionSyntaxException($"'{id}' is a keyword, not an id", start);
            }

            if (TrySymbol("==") || (!Peek("=>") && TrySymbol("=")))
            {
                return Site(new IssueIn(id, ValueList.Of(ExpectValue("an option id after '=='", out var at))), start, [at]);
            }

            if (TrySymbol("!="))
            {
                return Site(new IssueIn(id, ValueList.Of(ExpectValue("an option id after '!='", out var at)), Negated: true), start, [at]);
            }

            if (TryKeyword("in"))
            {
                var (options, offsets) = ParseList();
                return Site(new IssueIn(id, options), start, offsets);
            }

            if (!Peek("<=>") && TryCompare(out var op))
            {
                var symbol = text[(start + id.Length).._pos].Trim();
                var number = ExpectValue($"a number after '{symbol}'", out var at);
                if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
                {
                    throw new ConditionSyntaxException($"expected a number after '{symbol}', found '{number}'", at);
                }

                return Site(new IssueCompare(id, op, value), start);
            }

            var save = _pos;
            if (TryKeyword("not"))
            {
                if (TryKeyword("in"))
                {
                    var (options, offsets) = ParseList();
                    return Site(new IssueIn(id, options, Negated: true), start, offsets);
                }

                _pos = save;
            }

            return Site(new OptionTaken(id), start);
        }

        private Condition Site(Condition atom, int offset, int[]? optionOffsets = null)
        {
            sites?.Add(atom, offset, optionOffsets);
            return atom;
        }

        private bool TryCompare(out CompareOperator op)
        {
            (op, var ok) = TrySymbol(">=") ? (CompareOperator.GreaterOrEqual, true)
                : TrySymbol("<=") ? (CompareOperator.LessOrEqual, true)
                : TrySymbol(">") ? (CompareOperator.Greater, true)
                : TrySymbol("<") ? (CompareOperator.Less, true)
                : (CompareOperator.Less, false);
            return ok;
        }

        private (ValueList<string> Options, int[] Offsets) ParseList()
        {
            if (!TrySymbol("["))
            {
                throw new ConditionSyntaxException("expected '[' to start a list of options", _pos);
            }

            var items = new List<string>();
            var offsets = new List<int>();
            items.Add(ExpectValue("an option id in the list", out var first));
            offsets.Add(first);
            while (TrySymbol(","))
            {
                items.Add(ExpectValue("an option id after ','", out var at));
                offsets.Add(at);
            }

            if (!TrySymbol("]"))
            {
                throw new ConditionSyntaxException("expected ',' or ']' in the list of options", _pos);
            }

            return (items.ToValueList(), offsets.ToArray());
        }

        /// <summary>An option id or a number (a leading '-' is allowed before a digit).</summary>
        private string ExpectValue(string what, out int start)
        {
            SkipSpace();
            start = _pos;
            var negative = _pos + 1 < text.Length && text[_pos] == '-' && char.IsDigit(text[_pos + 1]);
            if (negative)
            {
                _pos++;
            }

            var id = ReadIdentifier();
            if (id is null || IsKeyword(id))
            {
                _pos = start;
                throw new ConditionSyntaxException(AtEnd ? $"expected {what}, found the end" : $"expected {what}, found '{Rest()}'", start);
            }

            return negative ? "-" + id : id;
        }

        private string? ReadIdentifier()
        {
            SkipSpace();
            var start = _pos;
            if (_pos < text.Length && IsIdStart(text[_pos]))
            {
                _pos++;
                while (_pos < text.Length && IsIdPart(text[_pos]))
                {
                    _pos++;
                }
            }

            return _pos > start ? text[start.._pos] : null;
        }

        private bool TryKeyword(string keyword)
        {
            SkipSpace();
            if (_pos + keyword.Length <= text.Length
                && string.Compare(text, _pos, keyword, 0, keyword.Length, StringComparison.OrdinalIgnoreCase) == 0
                && (_pos + keyword.Length == text.Length || !IsIdPart(text[_pos + keyword.Length])))
            {
                _pos += keyword.Length;
                return true;
            }

            return false;
        }

        private bool Peek(string symbol)
        {
            SkipSpace();
            return _pos + symbol.Length <= text.Length && string.CompareOrdinal(text, _pos, symbol, 0, symbol.Length) == 0;
        }

        private bool TrySymbol(string symbol)
        {
            if (Peek(symbol))
            {
                _pos += symbol.Length;
                return true;
            }

            return false;
        }

        private static bool IsIdStart(char c) => char.IsLetterOrDigit(c) || c == '_';

        private static bool IsIdPart(char c) => char.IsLetterOrDigit(c) || c is '_' or '.' or '-' or '+';
    }

    /// <summary>True for the words the condition language reserves (case-insensitive); they cannot be ids.</summary>
    public static bool IsKeyword(string id) =>
        id.ToLowerInvariant() is "and" or "or" or "not" or "if" or "then" or "iff" or "in";
}

/// <summary>A condition that does not parse; <see cref="Offset"/> is the 0-based character offset of the problem.</summary>
public sealed class ConditionSyntaxException(string message, int offset) : FormatException(message)
{
    /// <summary>0-based offset into the condition text.</summary>
    public int Offset { get; } = offset;
}
