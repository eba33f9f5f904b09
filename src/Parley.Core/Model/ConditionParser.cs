namespace Parley.Model;

/// <summary>
/// Parses condition text. Grammar (keywords are case-insensitive):
/// <code>
/// cond    := 'if' cond 'then' cond | iff
/// iff     := or (('iff' | '&lt;=&gt;') or | 'if' or)?     -- "A if B" means "if B then A" (gmcr-py style)
/// or      := and (('or' | '|') and)*
/// and     := not (('and' | '&amp;') not)*
/// not     := ('not' | '-' | '!') not | atom
/// atom    := '(' cond ')' | ID | ID ('==' | '=' | '!=') ID | ID 'in' list | ID 'not' 'in' list
/// list    := '[' ID (',' ID)* ']'
/// </code>
/// A bare ID is an <see cref="OptionTaken"/> atom (conflict options); the comparison forms are
/// <see cref="IssueIn"/> atoms (issue options).
/// </summary>
public static class ConditionParser
{
    /// <summary>Parses <paramref name="text"/> or throws <see cref="ConditionSyntaxException"/> with the offset of the problem.</summary>
    public static Condition Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parser = new Cursor(text);
        var result = parser.ParseCondition(0);
        parser.SkipSpace();
        if (!parser.AtEnd)
        {
            throw new ConditionSyntaxException($"unexpected '{parser.Rest()}' after a complete condition", parser.Position);
        }

        return result;
    }

    private sealed class Cursor(string text)
    {
        private const int MaxDepth = 64;
        private int _pos;

        public int Position => _pos;

        public bool AtEnd => _pos >= text.Length;

        public string Rest() => text[_pos..].Length > 20 ? text[_pos..(_pos + 20)] + "…" : text[_pos..];

        public void SkipSpace()
        {
            while (_pos < text.Length && char.IsWhiteSpace(text[_pos]))
            {
                _pos++;
            }
        }

        public Condition ParseCondition(int depth)
        {
            if (depth > MaxDepth)
            {
                throw new ConditionSyntaxException($"condition nested deeper than {MaxDepth} levels", _pos);
            }

            SkipSpace();
            if (TryKeyword("if"))
            {
                var premise = ParseCondition(depth + 1);
                if (!TryKeyword("then"))
                {
                    throw new ConditionSyntaxException("expected 'then' after the 'if' part", _pos);
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
            if (depth > MaxDepth)
            {
                throw new ConditionSyntaxException($"condition nested deeper than {MaxDepth} levels", _pos);
            }

            SkipSpace();
            var save = _pos;
            if (TryKeyword("not"))
            {
                // "not" followed by "in" belongs to an atom ("X not in [..]"), which cannot start here.
                return new Negation(ParseNot(depth + 1));
            }

            _pos = save;
            if (TrySymbol("-") || TrySymbol("!"))
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
                    throw new ConditionSyntaxException("expected ')'", _pos);
                }

                return inner;
            }

            var start = _pos;
            var id = ReadIdentifier() ?? throw new ConditionSyntaxException(
                AtEnd ? "condition ends where an option or issue id was expected" : $"expected an option or issue id, found '{Rest()}'", _pos);
            if (TrySymbol("==") || TrySymbol("="))
            {
                return new IssueIn(id, ValueList.Of(ExpectIdentifier("an option id after '=='")));
            }

            if (TrySymbol("!="))
            {
                return new IssueIn(id, ValueList.Of(ExpectIdentifier("an option id after '!='")), Negated: true);
            }

            if (TryKeyword("in"))
            {
                return new IssueIn(id, ParseList());
            }

            var save = _pos;
            if (TryKeyword("not"))
            {
                if (TryKeyword("in"))
                {
                    return new IssueIn(id, ParseList(), Negated: true);
                }

                _pos = save;
            }

            if (IsKeyword(id))
            {
                throw new ConditionSyntaxException($"'{id}' is a keyword, not an id", start);
            }

            return new OptionTaken(id);
        }

        private ValueList<string> ParseList()
        {
            if (!TrySymbol("["))
            {
                throw new ConditionSyntaxException("expected '[' to start a list of options", _pos);
            }

            var items = new List<string> { ExpectIdentifier("an option id in the list") };
            while (TrySymbol(","))
            {
                items.Add(ExpectIdentifier("an option id after ','"));
            }

            if (!TrySymbol("]"))
            {
                throw new ConditionSyntaxException("expected ',' or ']' in the list of options", _pos);
            }

            return items.ToValueList();
        }

        private string ExpectIdentifier(string what)
        {
            var id = ReadIdentifier();
            return id is null || IsKeyword(id) ? throw new ConditionSyntaxException($"expected {what}", _pos) : id;
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

        private bool TrySymbol(string symbol)
        {
            SkipSpace();
            if (string.CompareOrdinal(text, _pos, symbol, 0, symbol.Length) == 0 && _pos + symbol.Length <= text.Length)
            {
                _pos += symbol.Length;
                return true;
            }

            return false;
        }

        private static bool IsKeyword(string id) =>
            id.Equals("and", StringComparison.OrdinalIgnoreCase) || id.Equals("or", StringComparison.OrdinalIgnoreCase)
            || id.Equals("not", StringComparison.OrdinalIgnoreCase) || id.Equals("if", StringComparison.OrdinalIgnoreCase)
            || id.Equals("then", StringComparison.OrdinalIgnoreCase) || id.Equals("iff", StringComparison.OrdinalIgnoreCase)
            || id.Equals("in", StringComparison.OrdinalIgnoreCase);

        private static bool IsIdStart(char c) => char.IsLetterOrDigit(c) || c == '_';

        private static bool IsIdPart(char c) => char.IsLetterOrDigit(c) || c is '_' or '.' or '-' or '+';
    }
}

/// <summary>A condition that does not parse; <see cref="Offset"/> is the 0-based character offset of the problem.</summary>
public sealed class ConditionSyntaxException(string message, int offset) : FormatException(message)
{
    /// <summary>0-based offset into the condition text.</summary>
    public int Offset { get; } = offset;
}
