namespace Parley.Cli.Report;

/// <summary>Forecast (spatial-politics lens): where positions converge and how robust that is.</summary>
internal sealed class ForecastSection : ISectionBuilder
{
    public string Id => "forecast";

    public string Title => "Forecast";

    public ReportSection Build(ReportContext context, IProgress<double> progress, CancellationToken cancellationToken)
    {
        progress.Report(1);
        if (context.Scenario.Forecast is null)
        {
            return LensNote.NoInput(Id, Title, "The scenario has no forecast: section (actors' capability, positions and salience), so there are no positions to forecast.");
        }

        return LensNote.Unavailable(Id, Title, "forecast lens (Parley.Forecast, parley forecast)",
            "where the actors' positions converge under the spatial model of politics and how robust that is when one actor is left out",
            "The scenario declares a forecast: section.");
    }
}
