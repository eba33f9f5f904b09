namespace Parley.Negotiation.Simulation;

/// <summary>Distribution families.</summary>
public enum DistributionKind
{
    /// <summary>A fixed value.</summary>
    Constant,

    /// <summary>Uniform on [A, B].</summary>
    Uniform,

    /// <summary>Log-uniform on [A, B].</summary>
    LogUniform,

    /// <summary>Triangular (min A, mode B, max C).</summary>
    Triangular,

    /// <summary>Normal (mean A, sd B).</summary>
    Normal,
}
