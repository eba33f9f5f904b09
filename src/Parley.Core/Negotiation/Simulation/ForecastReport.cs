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
/// <param name="Curve">P(agreement by date) at weekly points from the start to the horizon.</param>
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

/// <summary>One stage's forecast.</summary>
/// <param name="Id">Stage id.</param>
/// <param name="Name">Stage name.</param>
/// <param name="Opened">P(the stage opened — e.g. the meeting took place — by the date).</param>
/// <param name="Succeeded">P(the stage succeeded by the date).</param>
/// <param name="FinallyFailed">Share of runs whose talks ended for good at this stage (within the horizon).</param>
public sealed record StageForecast(string Id, string Name, Proportion Opened, Proportion Succeeded, double FinallyFailed);

/// <summary>Quantiles of the agreement time in days since the start (and as dates).</summary>
/// <param name="MeanDays">Mean day.</param>
/// <param name="P10">10th percentile day.</param>
/// <param name="Median">Median day.</param>
/// <param name="P90">90th percentile day.</param>
/// <param name="MedianDate">The median as a date.</param>
public sealed record TimeToAgreement(double MeanDays, int P10, int Median, int P90, DateOnly MedianDate);

/// <summary>An agreed package and how often it came up.</summary>
/// <param name="Package">Option ids of the settled issues.</param>
/// <param name="Count">Runs.</param>
/// <param name="Share">Share of the agreements.</param>
public sealed record PackageShare(string Package, long Count, double Share);

/// <summary>Shares of an issue's options among agreements.</summary>
/// <param name="Issue">Issue id.</param>
/// <param name="Shares">Option id and share, in option order.</param>
public sealed record IssueShares(string Issue, ValueList<KeyValuePair<string, double>> Shares);

/// <summary>A point of the P(agreement by date) curve.</summary>
/// <param name="Date">The date.</param>
/// <param name="Agreement">P(agreement by the end of that date) with its interval.</param>
public sealed record CurvePoint(DateOnly Date, Proportion Agreement);
