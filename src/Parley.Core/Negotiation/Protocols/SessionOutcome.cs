namespace Parley.Negotiation.Protocols;

/// <summary>How one session ended.</summary>
/// <param name="Agreement">True when a package was agreed.</param>
/// <param name="Package">The agreed package's code, or -1.</param>
/// <param name="Rounds">Rounds played (the agreement's round + 1 when agreed).</param>
/// <param name="EndDay">Calendar time (days since the simulation start) at which the session ended.</param>
/// <param name="Reason">Why it ended.</param>
/// <param name="Moves">Moves made (offers, acceptances, votes).</param>
internal sealed record SessionOutcome(bool Agreement, long Package, int Rounds, double EndDay, EndReason Reason, int Moves);
