namespace Parley.Conflict;

/// <summary>Which opponents' move sequences count as sanctions when there are three or more players.</summary>
internal enum SanctionMode
{
    /// <summary>
    /// The standard coalition reachable set R_{N−i}: any legal sequence of opponents' unilateral moves
    /// in which no player moves twice in a row (Fang, Hipel and Kilgour 1993).
    /// </summary>
    Full,

    /// <summary>gmcr-py's rule: each opponent moves at most once in a sanction chain.</summary>
    OnceEach,
}
