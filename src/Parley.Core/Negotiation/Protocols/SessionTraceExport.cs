using Parley.Model;

namespace Parley.Negotiation.Protocols;

/// <summary>Turns an engine trace into its exported form (option ids and every table party's utility).</summary>
internal static class SessionTraceExport
{
    public static SessionTraceRecord ToRecord(SessionTrace trace, SessionOutcome outcome, IReadOnlyList<IUtilityView> views, IReadOnlyList<Issue> issues,
        string stage, int attempt, string protocol, double openDay)
    {
        var space = views[0].Space;
        ValueList<string> Package(long code) => Enumerable.Range(0, space.IssueCount)
            .Select(j => issues[space.IssueIndices[j]].Options[space.Option(code, j)].Id).ToValueList();
        var moves = trace.Moves.Select(m => new TraceStep(
            m.Round,
            m.Party < 0 ? "mediator" : views[m.Party].PartyId,
            m.Kind,
            m.Package < 0 ? null : Package(m.Package),
            m.Package < 0 ? ValueList<double>.Empty : views.Select(v => Math.Round(v.Utility(m.Package), 6)).ToValueList())).ToValueList();
        return new SessionTraceRecord(stage, attempt, protocol, views.Select(v => v.PartyId).ToValueList(),
            space.IssueIndices.Select(k => issues[k].Id).ToValueList(), openDay, outcome.EndDay, outcome.Reason.ToString().ToLowerInvariant(),
            outcome.Agreement ? Package(outcome.Package) : null, moves);
    }
}
