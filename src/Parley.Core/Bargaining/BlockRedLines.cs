using System.Numerics;
using Parley.Model;

namespace Parley.Bargaining;

/// <summary>
/// Red lines evaluated a whole block at a time for <see cref="StreamingFrontier"/>. The space is split into outer
/// issues (fixed for a block) and inner issues (enumerated inside it, last issue fastest). Each rule is compiled once
/// to a postfix program over its atoms; an atom on an inner issue is a precomputed bitset over the block (one bit per
/// package), an atom on an outer issue is all ones or all zeros for the block. A rule is then a few word-wide
/// AND/OR/NOT passes per block instead of a tree walk per package, and the result is the block's admissible bitset.
/// </summary>
internal sealed class BlockRedLines
{
    private enum Kind
    {
        Constant,
        Atom,
        Not,
        And,
        Or,
        Implies,
        Iff,
    }

    private readonly (Kind Kind, int Arg)[][] _programs;
    private readonly (int Issue, bool[] Mask)[] _atoms;
    private readonly ulong[]?[] _innerBits;
    private readonly int _block;
    private readonly int _depth;

    private BlockRedLines((Kind, int)[][] programs, (int, bool[])[] atoms, ulong[]?[] innerBits, int block, int depth)
    {
        _programs = programs;
        _atoms = atoms;
        _innerBits = innerBits;
        _block = block;
        _depth = depth;
    }

    /// <summary>Words per block bitset.</summary>
    public int Words => (_block + 63) / 64;

    /// <summary>True when there is no rule: every package is admissible.</summary>
    public bool IsEmpty => _programs.Length == 0;

    /// <summary>Compiles <paramref name="rules"/> for blocks over the issues from <paramref name="split"/> on.</summary>
    public static BlockRedLines Compile(OutcomeSpace space, IReadOnlyList<CompiledRule> rules, int split, int block)
    {
        var atoms = new List<(int Issue, bool[] Mask)>();
        var programs = new (Kind, int)[rules.Count][];
        var depth = 1;
        for (var r = 0; r < rules.Count; r++)
        {
            var program = new List<(Kind, int)>();
            var rule = rules[r];
            depth = Math.Max(depth, Emit(rule.Rule, rule, program, atoms));
            programs[r] = [.. program];
        }

        // Inner atoms as bitsets over the block's packages: the option of issue k at position j is a digit of j.
        var words = (block + 63) / 64;
        var innerBits = new ulong[]?[atoms.Count];
        for (var a = 0; a < atoms.Count; a++)
        {
            var (issue, mask) = atoms[a];
            if (issue < split)
            {
                continue;
            }

            long stride = 1;
            for (var k = space.Issues.Count - 1; k > issue; k--)
            {
                stride *= space.Issues[k].OptionIds.Count;
            }

            var bits = new ulong[words];
            var radix = space.Issues[issue].OptionIds.Count;
            for (var j = 0; j < block; j++)
            {
                if (mask[(int)(j / stride % radix)])
                {
                    bits[j >> 6] |= 1UL << (j & 63);
                }
            }

            innerBits[a] = bits;
        }

        return new BlockRedLines(programs, [.. atoms], innerBits, block, depth);
    }

    /// <summary>Scratch for <see cref="Evaluate"/> (one per worker).</summary>
    public ulong[][] CreateStack()
    {
        var stack = new ulong[_depth][];
        for (var i = 0; i < stack.Length; i++)
        {
            stack[i] = new ulong[Words];
        }

        return stack;
    }

    /// <summary>Writes the admissible bitset of the block whose outer options are <paramref name="outer"/> (issues before the split).</summary>
    /// <returns>The number of admissible packages in the block.</returns>
    public long Evaluate(ReadOnlySpan<int> outer, Span<ulong> admissible, ulong[][] stack)
    {
        var words = Words;
        admissible[..words].Fill(ulong.MaxValue);
        if ((_block & 63) != 0)
        {
            admissible[words - 1] = (1UL << (_block & 63)) - 1;
        }

        foreach (var program in _programs)
        {
            var sp = 0;
            foreach (var (kind, arg) in program)
            {
                switch (kind)
                {
                    case Kind.Atom:
                    {
                        var top = stack[sp++].AsSpan(0, words);
                        var (issue, mask) = _atoms[arg];
                        if (_innerBits[arg] is { } bits)
                        {
                            bits.CopyTo(top);
                        }
                        else
                        {
                            top.Fill(mask[outer[issue]] ? ulong.MaxValue : 0);
                        }

                        break;
                    }

                    case Kind.Constant:
                        stack[sp++].AsSpan(0, words).Fill(arg != 0 ? ulong.MaxValue : 0);
                        break;
                    case Kind.Not:
                        Apply(stack[sp - 1], stack[sp - 1], words, static (a, _) => ~a);
                        break;
                    case Kind.And:
                        for (var i = 1; i < arg; i++)
                        {
                            Apply(stack[sp - arg], stack[sp - arg + i], words, static (a, b) => a & b);
                        }

                        sp -= arg - 1;
                        break;
                    case Kind.Or:
                        for (var i = 1; i < arg; i++)
                        {
                            Apply(stack[sp - arg], stack[sp - arg + i], words, static (a, b) => a | b);
                        }

                        sp -= arg - 1;
                        break;
                    case Kind.Implies:
                        Apply(stack[sp - 2], stack[--sp], words, static (a, b) => ~a | b);
                        break;
                    default:
                        Apply(stack[sp - 2], stack[--sp], words, static (a, b) => ~(a ^ b));
                        break;
                }
            }

            var any = 0UL;
            var result = stack[0];
            for (var w = 0; w < words; w++)
            {
                admissible[w] &= result[w];
                any |= admissible[w];
            }

            if (any == 0)
            {
                return 0;
            }
        }

        long count = 0;
        for (var w = 0; w < words; w++)
        {
            count += BitOperations.PopCount(admissible[w]);
        }

        return count;
    }

    private static void Apply(ulong[] target, ulong[] operand, int words, Func<ulong, ulong, ulong> op)
    {
        for (var w = 0; w < words; w++)
        {
            target[w] = op(target[w], operand[w]);
        }
    }

    // Postfix code for a condition; returns the stack depth it needs.
    private static int Emit(Condition c, CompiledRule rule, List<(Kind, int)> program, List<(int Issue, bool[] Mask)> atoms)
    {
        switch (c)
        {
            case IssueIn or OptionTaken:
                program.Add((Kind.Atom, atoms.Count));
                atoms.Add(rule.Atom(c));
                return 1;
            case Negation n:
            {
                var d = Emit(n.Operand, rule, program, atoms);
                program.Add((Kind.Not, 0));
                return d;
            }

            case AllOf or AnyOf:
            {
                var operands = c is AllOf all ? all.Operands : ((AnyOf)c).Operands;
                if (operands.Count == 0)
                {
                    // Empty conjunction is true, empty disjunction false (as Condition.Evaluate has it).
                    program.Add((Kind.Constant, c is AllOf ? 1 : 0));
                    return 1;
                }

                var depth = 0;
                for (var i = 0; i < operands.Count; i++)
                {
                    depth = Math.Max(depth, i + Emit(operands[i], rule, program, atoms));
                }

                program.Add((c is AllOf ? Kind.And : Kind.Or, operands.Count));
                return Math.Max(depth, 1);
            }

            case Implies i:
                return Binary(Kind.Implies, i.If, i.Then, rule, program, atoms);
            case Iff f:
                return Binary(Kind.Iff, f.Left, f.Right, rule, program, atoms);
            default:
                throw new ArgumentException($"unsupported red line condition '{c}'");
        }
    }

    private static int Binary(Kind kind, Condition left, Condition right, CompiledRule rule, List<(Kind, int)> program, List<(int Issue, bool[] Mask)> atoms)
    {
        var a = Emit(left, rule, program, atoms);
        var b = Emit(right, rule, program, atoms);
        program.Add((kind, 0));
        return Math.Max(a, 1 + b);
    }
}
