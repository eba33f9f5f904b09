namespace Parley.Forecast;

/// <summary>KTAB's victory-probability model: how coalition strengths become P(i beats j).</summary>
internal enum VictoryProbModel
{
    /// <summary>P = C_ij / (C_ij + C_ji) (KTAB default).</summary>
    Linear,

    /// <summary>Strengths squared.</summary>
    Square,

    /// <summary>Strengths to the fourth power.</summary>
    Quartic,

    /// <summary>Strengths to the eighth power.</summary>
    Octic,

    /// <summary>A 10% advantage wins for sure; linear in between.</summary>
    Binary,
}
