namespace Parley.Negotiation.Simulation;

/// <summary>Protocol of a stage session.</summary>
public enum ProtocolKind
{
    /// <summary>Stacked alternating offers (bilateral SAOP with two parties).</summary>
    Alternating,

    /// <summary>Mediated single text, unanimity (any party can veto a change).</summary>
    MediatedVeto,

    /// <summary>Mediated single text, majority hill climbing.</summary>
    MediatedHillClimbing,
}
