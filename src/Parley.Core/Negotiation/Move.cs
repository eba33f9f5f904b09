namespace Parley.Negotiation;

/// <summary>One move at the table: an offer (a package), an acceptance of the standing offer, or walking away.</summary>
internal readonly record struct Move(MoveKind Kind, long Package)
{
    public static Move Offer(long package) => new(MoveKind.Offer, package);

    public static Move Accept(long package) => new(MoveKind.Accept, package);

    public static Move EndNegotiation { get; } = new(MoveKind.End, -1);
}

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
