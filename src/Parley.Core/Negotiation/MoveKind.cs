namespace Parley.Negotiation;

/// <summary>What a move does.</summary>
public enum MoveKind
{
    /// <summary>Proposes a package (in single-text protocols: the mediator's proposed text).</summary>
    Offer,

    /// <summary>Accepts the standing offer (in single-text protocols: a yes vote or ratification).</summary>
    Accept,

    /// <summary>Rejects without a counteroffer (single-text protocols: a no vote).</summary>
    Reject,

    /// <summary>Walks away; the session ends without agreement.</summary>
    End,
}
