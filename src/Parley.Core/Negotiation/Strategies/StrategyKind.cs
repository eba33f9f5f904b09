namespace Parley.Negotiation.Strategies;

/// <summary>Strategy families.</summary>
public enum StrategyKind
{
    /// <summary>Faratin et al. time-dependent (Boulware, linear, Conceder).</summary>
    TimeDependent,

    /// <summary>Never concedes.</summary>
    Hardliner,

    /// <summary>Naive (absolute) tit-for-tat.</summary>
    TitForTat,

    /// <summary>Relative tit-for-tat.</summary>
    RelativeTitForTat,

    /// <summary>Exponential level-of-aspiration concession.</summary>
    Aspiration,

    /// <summary>MiCRO (de Jonge 2022).</summary>
    Micro,

    /// <summary>Random acceptable offers.</summary>
    Random,
}
