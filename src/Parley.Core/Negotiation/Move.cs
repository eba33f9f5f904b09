namespace Parley.Negotiation;

/// <summary>One move at the table: an offer (a package), an acceptance of the standing offer, or walking away.</summary>
internal readonly record struct Move(MoveKind Kind, long Package)
{
    public static Move Offer(long package) => new(MoveKind.Offer, package);

    public static Move Accept(long package) => new(MoveKind.Accept, package);

    public static Move EndNegotiation { get; } = new(MoveKind.End, -1);
}
