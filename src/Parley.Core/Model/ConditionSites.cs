namespace Parley.Model;

/// <summary>
/// Where each atom of a parsed condition (and each option id inside an <see cref="IssueIn"/> list)
/// starts in the text, keyed by reference, so that a loader can point an error at the exact atom.
/// </summary>
internal sealed class ConditionSites
{
    private readonly Dictionary<Condition, int> _atoms = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<Condition, int[]> _options = new(ReferenceEqualityComparer.Instance);

    public void Add(Condition atom, int offset, int[]? optionOffsets = null)
    {
        _atoms[atom] = offset;
        if (optionOffsets is not null)
        {
            _options[atom] = optionOffsets;
        }
    }

    /// <summary>0-based offset of the atom, or 0 when unknown.</summary>
    public int Of(Condition atom) => _atoms.GetValueOrDefault(atom);

    /// <summary>0-based offset of the <paramref name="index"/>-th option of an <see cref="IssueIn"/> atom, or the atom's offset.</summary>
    public int OfOption(Condition atom, int index) =>
        _options.TryGetValue(atom, out var offsets) && index < offsets.Length ? offsets[index] : Of(atom);
}
