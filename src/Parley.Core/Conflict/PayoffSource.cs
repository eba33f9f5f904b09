namespace Parley.Conflict;

/// <summary>How a decision maker's payoffs are computed: from prioritised statements or from a ranking.</summary>
internal abstract record PayoffSource
{
    /// <summary>Option prioritisation: statement k of P (most important first) weighs 2^(P−k−1) when it holds.</summary>
    public sealed record Statements(IReadOnlyList<Func<long, bool>> Holds) : PayoffSource;

    /// <summary>A ranking best first, tiers of tied states given as masks; unranked states rank below every tier.</summary>
    public sealed record RankingMasks(IReadOnlyList<IReadOnlyList<long>> Tiers) : PayoffSource;

    /// <summary>A ranking best first, tiers of ordered state ids (gmcr-py's manual ranking).</summary>
    public sealed record RankingIds(IReadOnlyList<IReadOnlyList<int>> Tiers) : PayoffSource;
}
