namespace Parley.Negotiation.Simulation;

/// <summary>After a failed stage: the talks stall; after a pressure step the stage reopens, at most <paramref name="Max"/> times.</summary>
/// <param name="AfterDays">Days from the failure to the reopening.</param>
/// <param name="Max">Most retries per stage.</param>
public sealed record RetrySpec(Distribution AfterDays, int Max)
{
    /// <summary>No retries.</summary>
    public static RetrySpec None { get; } = new(Distribution.Constant(14), 0);
}
