namespace Parley.Cli.Report;

/// <summary>
/// Stability (conflict lens): equilibria per solution concept, the status quo and where unilateral
/// improvements lead from it, and a small state graph.
/// </summary>
internal sealed class StabilitySection : ISectionBuilder
{
    public string Id => "stability";

    public string Title => "Stability";

    public ReportSection Build(ReportContext context, IProgress<double> progress, CancellationToken cancellationToken)
    {
        progress.Report(1);
        if (context.Scenario.Conflict is not { } conflict)
        {
            return LensNote.NoInput(Id, Title, "The scenario has no conflict: section (decision makers with yes/no options), so there is no standoff to analyse.");
        }

        var options = conflict.AllOptions.Count();
        return LensNote.Unavailable(Id, Title, "conflict lens (Parley.Conflict, parley stability)",
            "the equilibria under each stability concept (Nash, GMR, SMR, SEQ), the status quo and where unilateral improvements lead from it, and the state graph",
            $"The scenario declares a conflict model: {Words.Plural(conflict.DecisionMakers.Count, "decision maker")} ({Words.List(conflict.DecisionMakers.Select(d => $"{d.Id}: {string.Join(", ", d.Options.Select(o => o.Id))}"))}), {Words.Plural(options, "option")}, {Words.Plural(conflict.Infeasible.Count, "infeasibility rule")}.");
    }
}
