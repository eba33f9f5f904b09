using Parley.Model;

namespace Parley.Negotiation.Simulation;

/// <summary>The answer to "how likely is each stage, and a deal, by this date?" for a batch of staged runs.</summary>
/// <param name="Scenario">Scenario id.</param>
/// <param name="Runs">Runs counted.</param>
/// <param name="Start">Simulation day 0.</param>
/// <param name="By">The question's date (end of that day).</param>
/// <param name="AgreementStage">The stage whose success counts as agreement.</param>
/// <param name="FocusStage">The stage singled out, or null.</param>
/// <param name="Illustrative">True when the simulation numbers are declared illustrative.</param>
/// <param name="Stages">Per stage, in dependency order.</param>
/// <param name="Agreement">P(agreement by the date), Wilson 95%.</param>
/// <param name="AgreementWithinHorizon">P(agreement within the horizon).</param>
/// <param name="TimeToAgreement">Distribution of the agreement day among runs that agreed within the horizon, or null.</param>
/// <param name="Packages">Most frequent agreed packages (within the horizon), most frequent first.</param>
/// <param name="Options">Per issue, the share of agreements choosing each option.</param>
/// <param name="Curve">P(agreement by date) and each stage's P(opened by date) at weekly points from the start to the horizon.</param>
public sealed record ForecastReport(
    string Scenario,
    long Runs,
    DateOnly Start,
    DateOnly By,
    string AgreementStage,
    string? FocusStage,
    bool Illustrative,
    ValueList<StageForecast> Stages,
    Proportion Agreement,
    Proportion AgreementWithinHorizon,
    TimeToAgreement? TimeToAgreement,
    ValueList<PackageShare> Packages,
    ValueList<IssueShares> Options,
    ValueList<CurvePoint> Curve);
