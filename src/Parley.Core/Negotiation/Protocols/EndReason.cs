namespace Parley.Negotiation.Protocols;

/// <summary>Why a session ended.</summary>
public enum EndReason
{
    /// <summary>All parties at the table accepted the same package.</summary>
    Agreement,

    /// <summary>The deadline (rounds or calendar) passed.</summary>
    Deadline,

    /// <summary>A party walked away.</summary>
    Walkaway,

    /// <summary>A per-session limit (e.g. time) stopped it.</summary>
    Limit,
}
