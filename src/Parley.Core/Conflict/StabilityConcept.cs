namespace Parley.Conflict;

/// <summary>A stability concept; <see cref="Horizon"/> is h for limited-move stability L_h.</summary>
internal sealed record StabilityConcept(ConceptKind Kind, int Horizon = 0)
{
    public static StabilityConcept Nash { get; } = new(ConceptKind.Nash);

    public static StabilityConcept Gmr { get; } = new(ConceptKind.Gmr);

    public static StabilityConcept Smr { get; } = new(ConceptKind.Smr);

    public static StabilityConcept Seq { get; } = new(ConceptKind.Seq);

    public static StabilityConcept Sim { get; } = new(ConceptKind.Sim);

    public static StabilityConcept SeqSim { get; } = new(ConceptKind.SeqSim);

    /// <summary>The default set: Nash, GMR, SMR, SEQ, SIM, SEQ∧SIM.</summary>
    public static IReadOnlyList<StabilityConcept> Standard { get; } = [Nash, Gmr, Smr, Seq, Sim, SeqSim];

    /// <summary>Key used in the CLI and JSON: nash, gmr, smr, seq, sim, seqsim, l2, l3, …</summary>
    public string Key => Kind switch
    {
        ConceptKind.Limited => $"l{Horizon}",
        _ => Kind.ToString().ToLowerInvariant(),
    };

    /// <summary>Display name: Nash, GMR, SMR, SEQ, SIM, SEQ∧SIM, L2, …</summary>
    public string Title => Kind switch
    {
        ConceptKind.Nash => "Nash",
        ConceptKind.SeqSim => "SEQ∧SIM",
        ConceptKind.Limited => $"L{Horizon}",
        _ => Kind.ToString().ToUpperInvariant(),
    };

    /// <summary>Parses one key (case-insensitive); null when unknown. <c>lh</c> needs 1 ≤ h ≤ 50.</summary>
    public static StabilityConcept? Parse(string key)
    {
        var k = key.Trim().ToLowerInvariant();
        switch (k)
        {
            case "nash" or "r":
                return Nash;
            case "gmr":
                return Gmr;
            case "smr":
                return Smr;
            case "seq":
                return Seq;
            case "sim":
                return Sim;
            case "seqsim" or "seq&sim" or "seq+sim":
                return SeqSim;
            default:
                return k.Length > 1 && k[0] == 'l' && int.TryParse(k.AsSpan(1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var h) && h is >= 1 and <= 50
                    ? new StabilityConcept(ConceptKind.Limited, h)
                    : null;
        }
    }
}
