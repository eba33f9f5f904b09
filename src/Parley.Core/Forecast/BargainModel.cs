namespace Parley.Forecast;

/// <summary>Whose interpolation forms the bargains put to the vote.</summary>
internal enum BargainModel
{
    /// <summary>The initiator's interpolation only (KTAB default).</summary>
    InitOnlyInterp,

    /// <summary>Both the initiator's and the receiver's interpolations.</summary>
    InitRcvrInterp,

    /// <summary>A capability × salience weighted compromise of the two.</summary>
    PWCompInterp,
}
