namespace Parley.Bargaining;

/// <summary>Options for <see cref="BargainingSolver"/>.</summary>
public sealed record BargainingOptions
{
    /// <summary>Defaults: non-optional parties, red lines on, diagnosis on.</summary>
    public static BargainingOptions Default { get; } = new();

    /// <summary>Parties to include, in this order; null = every non-optional party with preferences (scenario) or every party (table).</summary>
    public IReadOnlyList<string>? Parties { get; init; }

    /// <summary>False to ignore every red line (utilities and reservation values only).</summary>
    public bool RedLines { get; init; } = true;

    /// <summary>Count the agreement zone by enumeration only when the constrained space has at most this many packages; above it the count is null.</summary>
    public double EnumerationLimit { get; init; } = 4e9;

    /// <summary>Largest relaxation / conflict set searched by the red-line diagnosis.</summary>
    public int MaxRelaxationSize { get; init; } = 3;

    /// <summary>Diagnose an empty zone (conflicts, relaxations, reservation cuts).</summary>
    public bool Diagnose { get; init; } = true;

    /// <summary>Worker threads for enumeration; null = processor count. Results do not depend on it.</summary>
    public int? MaxDegreeOfParallelism { get; init; }

    /// <summary>Largest compound group (combinations of issues tied by red lines) before falling back to streaming enumeration.</summary>
    internal long CompoundLimit { get; init; } = 1 << 22;

    internal int Workers => Math.Max(1, MaxDegreeOfParallelism ?? Environment.ProcessorCount);
}
