namespace Parley.Forecast;

/// <summary>KTAB's probabilistic Condorcet election model: pairwise victory probabilities to option probabilities.</summary>
internal enum PceModel
{
    /// <summary>p_i ∝ Π_j P(i > j) (KTAB default).</summary>
    Conditional,

    /// <summary>Stationary distribution of a challenge chain whose challenge rates follow the incentives.</summary>
    MarkovIncentive,

    /// <summary>Stationary distribution of a challenge chain with uniform challenges.</summary>
    MarkovUniform,
}
