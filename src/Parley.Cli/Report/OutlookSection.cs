namespace Parley.Cli.Report;

/// <summary>
/// Outlook (negotiation lens): P(each stage reached by the date), P(agreement) over time with its
/// confidence band, and the assumptions that move it most.
/// </summary>
internal sealed class OutlookSection : ISectionBuilder
{
    public string Id => "outlook";

    public string Title => "Outlook";

    public ReportSection Build(ReportContext context, IProgress<double> progress, CancellationToken cancellationToken)
    {
        progress.Report(1);
        var s = context.Scenario;
        if (s.Process is not { Stages.Count: > 0 } process)
        {
            return LensNote.NoInput(Id, Title, "The scenario has no process: stages, so there are no talks to simulate.");
        }

        return LensNote.Unavailable(Id, Title, "negotiation lens (Parley.Negotiation, parley simulate)",
            "P(each stage reached by the date) and P(agreement) over time with confidence bands from simulated staged talks, and the assumptions that move them most",
            $"The scenario declares {Words.Plural(process.Stages.Count, "stage")}{(s.Simulation is null ? " and no simulation: section" : " and a simulation: section")}; the outlook would use {context.InputsLine(withSimulation: true)}");
    }
}
