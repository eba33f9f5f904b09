namespace Parley.Negotiation.Protocols;

/// <summary>
/// The clock of one session. <b>Deadline semantics</b>: the session has rounds 0 … R − 1; round r takes
/// place in the calendar interval (start + r·d, start + (r + 1)·d] and its moves are dated at its end.
/// With a calendar deadline (a day count meaning the <i>end</i> of the deadline day), only rounds that end
/// at or before it are played: R_eff = min(R, ⌊(deadline − start) / d⌋). An offer made in the last round
/// can still be accepted by the parties who move after it in that same round; when the last round ends the
/// session ends without agreement, and a standing offer is not accepted afterwards.
/// </summary>
/// <param name="Rounds">Deadline in rounds (R ≥ 0).</param>
/// <param name="RoundDays">Length of a round in simulated days (d &gt; 0).</param>
/// <param name="StartDay">When the session opens (days since the simulation start).</param>
/// <param name="DeadlineDay">End of the calendar deadline (days since the simulation start), or null for none.</param>
internal sealed record SessionRules(int Rounds, double RoundDays = 1, double StartDay = 0, double? DeadlineDay = null)
{
    /// <summary>Rounds actually available under both deadlines.</summary>
    public int EffectiveRounds => DeadlineDay is { } deadline
        ? Math.Max(0, Math.Min(Rounds, (int)Math.Floor(((deadline - StartDay) / RoundDays) + 1e-9)))
        : Rounds;

    /// <summary>The calendar time at which round <paramref name="round"/> ends.</summary>
    public double EndOfRound(int round) => StartDay + ((round + 1) * RoundDays);
}
