namespace Parley.Negotiation.Tournaments;

/// <summary>A strategy's tournament score (over every session and role it played).</summary>
/// <param name="Strategy">Strategy name.</param>
/// <param name="Sessions">Role-sessions played (a self-play session counts once per role).</param>
/// <param name="AgreementRate">Share of its sessions that ended in agreement.</param>
/// <param name="MeanUtility">Mean own utility (reservation value on disagreement).</param>
/// <param name="MeanWelfare">Mean sum of all roles' utilities in its sessions.</param>
/// <param name="MeanParetoDistance">Mean distance to the Pareto frontier, or null when unknown.</param>
/// <param name="MeanNashDistance">Mean distance to the Nash solution, or null.</param>
/// <param name="MeanRounds">Mean rounds played.</param>
public sealed record StrategyScore(string Strategy, int Sessions, double AgreementRate, double MeanUtility, double MeanWelfare,
    double? MeanParetoDistance, double? MeanNashDistance, double MeanRounds);
