namespace Parley.Cli.Report;

/// <summary>
/// Agreement space (bargaining lens): zone size, fair solutions with each party's gain, the frontier
/// plot; when the zone is empty, the red lines that empty it and the minimal relaxations.
/// </summary>
internal sealed class AgreementSection : ISectionBuilder
{
    public string Id => "agreement";

    public string Title => "Agreement space";

    public ReportSection Build(ReportContext context, IProgress<double> progress, CancellationToken cancellationToken)
    {
        progress.Report(1);
        var s = context.Scenario;
        if (s.Preferences.Count < 2)
        {
            return LensNote.NoInput(Id, Title, "The scenario gives preferences for fewer than two parties, so there is no agreement space to map.");
        }

        var redLines = s.Preferences.Sum(p => p.RedLines.Count);
        return LensNote.Unavailable(Id, Title, "bargaining lens (Parley.Bargaining, parley bargain)",
            "the size of the agreement zone, the Nash, Kalai–Smorodinsky, egalitarian and utilitarian packages with each party's gain, the frontier plot and, when the zone is empty, the red lines that empty it and the minimal relaxations that reopen it",
            $"The scenario declares preferences for {Words.List(s.Preferences.Select(p => p.PartyId))} over {Words.Count(s.PackageCount)} packages, with {Words.Plural(redLines, "red line")}.");
    }
}
