namespace Parley.Forecast;

/// <summary>How far a third party that joins a contest is committed to the side it joins.</summary>
internal enum ThirdPartyCommit
{
    /// <summary>It keeps its own position whichever side wins.</summary>
    NoCommit,

    /// <summary>It keeps its position only if its side wins (KTAB default).</summary>
    SemiCommit,

    /// <summary>It adopts the winner's position either way.</summary>
    FullCommit,
}
