using Parley.Model;

namespace Parley.Negotiation;

/// <summary>
/// A red line compiled for fast evaluation over option indices, with Kleene three-valued logic so that a
/// rule over issues not yet settled is "unknown" rather than broken (a stage that settles only the venue
/// cannot break a red line about territory).
/// </summary>
internal abstract class CompiledRule
{
    /// <summary>Truth of the rule; <paramref name="optionOf"/> gives the chosen option of a scenario issue, or -1 when unknown.</summary>
    public abstract Tri Evaluate(ReadOnlySpan<int> optionOf);

    /// <summary>Compiles a condition with <see cref="IssueIn"/> atoms against the scenario's issues.</summary>
    public static CompiledRule Compile(Condition condition, IReadOnlyList<Issue> issues) => condition switch
    {
        IssueIn atom => CompileAtom(atom, issues),
        Negation n => new Not(Compile(n.Operand, issues)),
        AllOf a => new And([.. a.Operands.Select(o => Compile(o, issues))]),
        AnyOf o => new Or([.. o.Operands.Select(x => Compile(x, issues))]),
        Implies i => new Or([new Not(Compile(i.If, issues)), Compile(i.Then, issues)]),
        Iff f => new Same(Compile(f.Left, issues), Compile(f.Right, issues)),
        _ => throw new ArgumentException($"red line atom '{condition}' is not an issue condition (e.g. \"T in [T1, T2]\")", nameof(condition)),
    };

    private static Atom CompileAtom(IssueIn atom, IReadOnlyList<Issue> issues)
    {
        var k = issues.Select((x, i) => (x, i)).FirstOrDefault(p => p.x.Id == atom.Issue, (null!, -1)).Item2;
        if (k < 0)
        {
            throw new ArgumentException($"red line names unknown issue '{atom.Issue}'", nameof(atom));
        }

        var allowed = issues[k].Options.Select(o => atom.Holds(o.Id)).ToArray();
        return new Atom(k, allowed);
    }

    private sealed class Atom(int issue, bool[] allowed) : CompiledRule
    {
        public override Tri Evaluate(ReadOnlySpan<int> optionOf)
        {
            var o = optionOf[issue];
            return o < 0 ? Tri.Unknown : allowed[o] ? Tri.True : Tri.False;
        }
    }

    private sealed class Not(CompiledRule operand) : CompiledRule
    {
        public override Tri Evaluate(ReadOnlySpan<int> optionOf) => operand.Evaluate(optionOf) switch
        {
            Tri.True => Tri.False,
            Tri.False => Tri.True,
            _ => Tri.Unknown,
        };
    }

    private sealed class And(CompiledRule[] operands) : CompiledRule
    {
        public override Tri Evaluate(ReadOnlySpan<int> optionOf)
        {
            var result = Tri.True;
            foreach (var o in operands)
            {
                var v = o.Evaluate(optionOf);
                if (v == Tri.False)
                {
                    return Tri.False;
                }

                if (v == Tri.Unknown)
                {
                    result = Tri.Unknown;
                }
            }

            return result;
        }
    }

    private sealed class Or(CompiledRule[] operands) : CompiledRule
    {
        public override Tri Evaluate(ReadOnlySpan<int> optionOf)
        {
            var result = Tri.False;
            foreach (var o in operands)
            {
                var v = o.Evaluate(optionOf);
                if (v == Tri.True)
                {
                    return Tri.True;
                }

                if (v == Tri.Unknown)
                {
                    result = Tri.Unknown;
                }
            }

            return result;
        }
    }

    private sealed class Same(CompiledRule left, CompiledRule right) : CompiledRule
    {
        public override Tri Evaluate(ReadOnlySpan<int> optionOf)
        {
            var l = left.Evaluate(optionOf);
            var r = right.Evaluate(optionOf);
            return l == Tri.Unknown || r == Tri.Unknown ? Tri.Unknown : l == r ? Tri.True : Tri.False;
        }
    }
}
