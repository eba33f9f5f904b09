namespace Parley.Negotiation.Protocols;

/// <summary>One move: <paramref name="Party"/> is the position at the table, or −1 for the mediator's text proposals.</summary>
internal readonly record struct TraceMove(int Round, int Party, MoveKind Kind, long Package);
