namespace Parley.Forecast;

/// <summary>How each actor's next position is chosen among the bargains it is part of.</summary>
internal enum StateTransitions
{
    /// <summary>The most probable bargain (KTAB default).</summary>
    Deterministic,

    /// <summary>A bargain drawn with its probability (seeded).</summary>
    Stochastic,
}
