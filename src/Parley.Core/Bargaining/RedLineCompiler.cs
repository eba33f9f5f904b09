using Parley.Model;

namespace Parley.Bargaining;

/// <summary>
/// Turns red-line atoms into per-issue option masks: <c>T in [T3, T4]</c> becomes issue T with mask
/// {false,false,true,true}; an option atom (<c>G5</c>) becomes its issue with a one-option mask. A rule is then
/// evaluated on a package by table look-ups instead of string comparisons.
/// </summary>
internal static class RedLineCompiler
{
    public static (int Issue, bool[] Mask) CompileAtom(OutcomeSpace space, Condition atom)
    {
        switch (atom)
        {
            case IssueIn a:
            {
                var k = IssueIndex(space, a.Issue);
                var issue = space.Issues[k];
                foreach (var o in a.Options)
                {
                    if (issue.OptionIndex(o) < 0)
                    {
                        throw new ArgumentException($"red line atom '{a}': '{o}' is not an option of issue {issue.Id}");
                    }
                }

                var mask = new bool[issue.OptionIds.Count];
                for (var o = 0; o < mask.Length; o++)
                {
                    mask[o] = a.Holds(issue.OptionIds[o]);
                }

                return (k, mask);
            }

            case OptionTaken t:
                for (var k = 0; k < space.Issues.Count; k++)
                {
                    var o = space.Issues[k].OptionIndex(t.Option);
                    if (o >= 0)
                    {
                        var mask = new bool[space.Issues[k].OptionIds.Count];
                        mask[o] = true;
                        return (k, mask);
                    }
                }

                throw new ArgumentException($"red line atom '{t.Option}' is neither an issue condition nor an option id");
            default:
                throw new ArgumentException($"unsupported red line atom '{atom}'");
        }
    }

    /// <summary>A rule compiled against a space: its issues (ascending) and an evaluator over a full package array.</summary>
    public static CompiledRule Compile(OutcomeSpace space, RedLine redLine)
    {
        var atoms = new Dictionary<Condition, (int Issue, bool[] Mask)>(ReferenceEqualityComparer.Instance);
        foreach (var atom in redLine.Rule.Atoms())
        {
            atoms.TryAdd(atom, CompileAtom(space, atom));
        }

        var issues = atoms.Values.Select(a => a.Issue).Distinct().Order().ToArray();
        return new CompiledRule(redLine.Id, redLine.Rule, issues, atoms);
    }

    private static int IssueIndex(OutcomeSpace space, string id)
    {
        for (var k = 0; k < space.Issues.Count; k++)
        {
            if (space.Issues[k].Id == id)
            {
                return k;
            }
        }

        throw new ArgumentException($"red line refers to unknown issue '{id}' (issues: {string.Join(", ", space.Issues.Select(i => i.Id))})");
    }
}
