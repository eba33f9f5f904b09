namespace Parley.Forecast;

/// <summary>KTAB's voting rule: how a difference in utility becomes a vote.</summary>
internal enum VotingRule
{
    /// <summary>sign(Δ), smoothed over ±1e-8.</summary>
    Binary,

    /// <summary>0.8 Δ + 0.2 sign(Δ).</summary>
    PropBin,

    /// <summary>Δ (KTAB default).</summary>
    Prop,

    /// <summary>(Δ + Δ³)/2.</summary>
    PropCbc,

    /// <summary>Δ³.</summary>
    Cubic,

    /// <summary>Δ for losses, (2/3)Δ for gains.</summary>
    ASymProsp,
}
