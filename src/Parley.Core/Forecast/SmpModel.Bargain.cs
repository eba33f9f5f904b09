namespace Parley.Forecast;

/// <summary>The SMP's bargains (see <see cref="SmpModel"/>).</summary>
internal sealed partial class SmpModel
{
    /// <summary>A proposed move: the initiator and receiver each adopt a position (the same actor twice for the status quo).</summary>
    private sealed record Bargain(int Init, int Rcvr, double[] PosInit, double[] PosRcvr)
    {
        public bool IsStatusQuo => Init == Rcvr;
    }
}
