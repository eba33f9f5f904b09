using Parley.Model;

namespace Parley.Bargaining;

/// <summary>A red line compiled to option masks (see <see cref="RedLineCompiler"/>).</summary>
internal sealed class CompiledRule(string id, Condition rule, int[] issues, Dictionary<Condition, (int Issue, bool[] Mask)> atoms)
{
    public string Id { get; } = id;

    /// <summary>Issues the rule reads, ascending.</summary>
    public int[] Issues { get; } = issues;

    /// <summary>The rule's condition (its atoms are the keys of <see cref="Atom"/>).</summary>
    public Condition Rule => rule;

    /// <summary>The issue and option mask of one of the rule's atoms.</summary>
    public (int Issue, bool[] Mask) Atom(Condition atom) => atoms[atom];

    /// <summary>Truth of the rule for a package (only the entries of <see cref="Issues"/> are read).</summary>
    public bool Holds(int[] package) => rule.Evaluate(atom =>
    {
        var (issue, mask) = atoms[atom];
        return mask[package[issue]];
    });
}
