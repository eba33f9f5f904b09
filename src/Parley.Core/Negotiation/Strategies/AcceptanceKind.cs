namespace Parley.Negotiation.Strategies;

/// <summary>The acceptance condition families.</summary>
public enum AcceptanceKind
{
    /// <summary>AC_next: accept what is at least as good as the own next offer.</summary>
    Next,

    /// <summary>AC_const: accept anything at least as good as a constant.</summary>
    Const,

    /// <summary>AC_combi: AC_next, or late in the talks accept the best offer seen so far.</summary>
    Combi,
}
