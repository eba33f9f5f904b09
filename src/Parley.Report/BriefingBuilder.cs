namespace Parley.Report;

/// <summary>Runs the section builders in page order and assembles the page.</summary>
internal static class BriefingBuilder
{
    /// <summary>The sections of a briefing, in page order.</summary>
    public static IReadOnlyList<ISectionBuilder> DefaultSections() =>
        [new SituationSection(), new StabilitySection(), new AgreementSection(), new OutlookSection(), new ForecastSection()];

    /// <summary>The sections of a briefing on live talks: where they stand first, then the same sections as <see cref="DefaultSections"/>.</summary>
    public static IReadOnlyList<ISectionBuilder> LiveSections() => [new LiveSection(), .. DefaultSections()];

    /// <summary>Builds every section; <paramref name="progress"/> receives (section id, fraction done).</summary>
    public static Briefing Build(ReportContext context, IReadOnlyList<ISectionBuilder> builders, Action<string, double>? progress = null, CancellationToken cancellationToken = default)
    {
        var sections = new List<ReportSection>(builders.Count);
        foreach (var builder in builders)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var sink = new SectionProgress(fraction => progress?.Invoke(builder.Id, fraction));
            sections.Add(builder.Build(context, sink, cancellationToken));
            sink.Report(1);
        }

        return new Briefing(context, sections, BriefingPage.Render(context, sections));
    }

    /// <summary>Reports synchronously on the calling thread (<see cref="Progress{T}"/> would post to a thread pool).</summary>
    private sealed class SectionProgress(Action<double> report) : IProgress<double>
    {
        public void Report(double value) => report(Math.Clamp(value, 0, 1));
    }
}
