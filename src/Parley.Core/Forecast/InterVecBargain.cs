namespace Parley.Forecast;

/// <summary>How a bargain between two positions is interpolated, dimension by dimension.</summary>
internal enum InterVecBargain
{
    /// <summary>Weights salience × probability.</summary>
    S1P1,

    /// <summary>Weights salience² × probability² (KTAB default).</summary>
    S2P2,

    /// <summary>Asymmetric shift by the positive probability difference.</summary>
    S2PMax,
}
