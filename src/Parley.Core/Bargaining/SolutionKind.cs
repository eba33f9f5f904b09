namespace Parley.Bargaining;

/// <summary>The bargaining solution concepts computed over the agreement zone (MODELS.md §2.1).</summary>
public enum SolutionKind
{
    /// <summary>Nash: maximises Σ log(u_i − r_i), i.e. the product of gains.</summary>
    Nash,

    /// <summary>Kalai–Smorodinsky: maximises min_i (u_i − r_i)/(a_i − r_i), a_i the party's best utility in the zone.</summary>
    KalaiSmorodinsky,

    /// <summary>Egalitarian: maximises min_i (u_i − r_i), equal absolute gains.</summary>
    Egalitarian,

    /// <summary>Utilitarian: maximises Σ_i u_i.</summary>
    Utilitarian,
}
