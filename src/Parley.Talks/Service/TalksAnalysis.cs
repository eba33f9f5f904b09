using System.Globalization;
using Parley.Bargaining;
using Parley.Model;
using Parley.Talks.Access;
using Parley.Talks.Ledger;
using Parley.Talks.ReadModel;
using Parley.Talks.Rules;

namespace Parley.Talks.Service;

/// <summary>
/// Runs <see cref="BargainingSolver.Solve(Scenario, BargainingOptions?, CancellationToken)"/> on exactly
/// the private data the caller may see, never more (<see cref="AnalysisBasis"/>): a party on its own
/// position; the mediator on what was disclosed to it.
/// </summary>
public static class TalksAnalysis
{
    /// <summary>The analysis for <paramref name="caller"/>.</summary>
    /// <exception cref="ForbiddenException">The caller is neither a party nor the mediator.</exception>
    public static AnalysisView Run(TalksProjection s, Caller caller, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(caller);
        var (preferences, basis) = AnalysisBasis.For(s, caller) ?? throw new ForbiddenException("only the parties and the mediator run analyses");
        if (preferences.Count == 0)
        {
            return new AnalysisView(basis, [], caller.Kind == RoleKind.Party ? "Submit a position to analyse it." : "No party has disclosed its weights and scores yet.", null);
        }

        var scenario = s.Scenario with { Preferences = preferences.ToValueList() };
        var ids = preferences.Select(p => p.PartyId).ToList();
        var result = BargainingSolver.Solve(scenario, new BargainingOptions { Parties = ids, MaxDegreeOfParallelism = 1 }, cancellationToken);
        var summary = result.HasAgreement
            ? $"{Count(result.AgreementZone)} of {result.Outcomes.ToString("N0", CultureInfo.InvariantCulture)} packages are acceptable to {string.Join(", ", ids)}."
            : $"No package is acceptable to {string.Join(", ", ids)}.";
        return new AnalysisView(basis, ids, summary, BargainingJson.Of(result)) { Solved = result };
    }

    private static string Count(long? zone) => zone?.ToString("N0", CultureInfo.InvariantCulture) ?? "many";
}
