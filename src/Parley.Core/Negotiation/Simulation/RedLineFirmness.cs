namespace Parley.Negotiation.Simulation;

/// <summary>How firm one red line is.</summary>
/// <param name="Firm">Probability it is firm at the start.</param>
/// <param name="SofteningPerWeek">Weekly hazard of softening once firm.</param>
public sealed record RedLineFirmness(double Firm, double SofteningPerWeek);
