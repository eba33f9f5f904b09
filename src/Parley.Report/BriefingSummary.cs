namespace Parley.Report;

/// <summary>The short summary of a briefing as the JSON object of <c>parley report --format json</c> (the console table is the CLI's).</summary>
internal static class BriefingSummary
{
    /// <summary>The summary of a briefing; <paramref name="outputPath"/> (where the page went) is left out when null.</summary>
    public static object ToJson(Briefing briefing, string? outputPath) => new
    {
        output = outputPath,
        talks = briefing.Context.Live is { } live ? new
        {
            id = live.TalksId,
            title = live.Scenario.Title,
            caller = live.Caller.Key,
            version = live.Version,
            asOf = Words.Date(live.AsOf),
        }
        : null,
        scenario = briefing.Context.Live is not null ? null : new
        {
            file = briefing.Context.ScenarioFile,
            id = briefing.Context.Scenario.Id,
            title = briefing.Context.Scenario.Title,
            sha256 = briefing.Context.ScenarioSha256,
        },
        inputs = new
        {
            runs = briefing.Context.Options.Runs,
            seed = briefing.Context.Options.Seed,
            by = briefing.Context.By is { } by ? Words.Date(by) : null,
        },
        illustrative = "Illustrative inputs give illustrative outputs.",
        sections = briefing.Sections.Select(s => new
        {
            id = s.Id,
            title = s.Title,
            status = s.StatusName,
            headlines = s.Headlines,
            figures = s.Figures,
            data = s.Data,
        }),
    };
}
