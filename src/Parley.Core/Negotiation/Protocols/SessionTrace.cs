namespace Parley.Negotiation.Protocols;

/// <summary>Every move of one session, in order (filled by a protocol when asked; used for traces and plots).</summary>
internal sealed class SessionTrace
{
    private readonly List<TraceMove> _moves = [];

    public IReadOnlyList<TraceMove> Moves => _moves;

    public void Add(int round, int party, MoveKind kind, long package) => _moves.Add(new TraceMove(round, party, kind, package));
}
