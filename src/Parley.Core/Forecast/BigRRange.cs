namespace Parley.Forecast;

/// <summary>KTAB's range of risk attitudes inferred from win probabilities.</summary>
internal enum BigRRange
{
    /// <summary>R ∈ [0, 1].</summary>
    Min,

    /// <summary>R ∈ [−½, 1] (KTAB default).</summary>
    Mid,

    /// <summary>R ∈ [−1, 1].</summary>
    Max,
}
