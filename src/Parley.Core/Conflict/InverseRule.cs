namespace Parley.Conflict;

/// <summary>How inverse GMCR decides whether a ranking profile makes the state stable for a decision maker.</summary>
internal enum InverseRule
{
    /// <summary>The standard definitions (Fang, Hipel and Kilgour 1993): every improvement must be sanctioned.</summary>
    Standard,

    /// <summary>
    /// gmcr-py's inverse solver, reproduced for line-by-line comparison (see <see cref="GmcrPyInverse"/>):
    /// only the improvement to the highest-numbered state decides, sanctions are single opponent moves
    /// strictly worse for the focal DM, and SMR tests only the first such sanction for a counter-move.
    /// </summary>
    GmcrPy,
}
