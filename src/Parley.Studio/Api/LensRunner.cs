using System.Collections.Frozen;
using System.Security.Cryptography;
using System.Text;
using Parley.Model;
using Parley.Report;

namespace Parley.Studio.Api;

/// <summary>
/// Runs one lens in-process through the briefing's own section builders (so the numbers are <c>parley report</c>'s):
/// its JSON (the section's <c>data</c>, as <c>parley report --format json</c> prints it), its plots, and the section's
/// HTML without them (each plot is sent once).
/// </summary>
internal static class LensRunner
{
    /// <summary>Outlook runs while editing; the browser asks for more on demand.</summary>
    public const int EditingRuns = 200;

    public const int MaxRuns = 100_000;

    private static readonly FrozenDictionary<string, Func<ISectionBuilder>> Builders = new Dictionary<string, Func<ISectionBuilder>>
    {
        ["bargaining"] = () => new AgreementSection(),
        ["stability"] = () => new StabilitySection(),
        ["outlook"] = () => new OutlookSection(),
        ["forecast"] = () => new ForecastSection(),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static bool Exists(string lens) => Builders.ContainsKey(lens);

    public static object Run(string lens, Scenario scenario, string fileName, string yaml, ReportOptions options, CancellationToken cancellationToken)
    {
        var context = ReportContext.For(scenario, fileName, Sha256(yaml), options);
        var section = Builders[lens]().Build(context, new Progress<double>(), cancellationToken);
        var html = section.Plots.Values.Aggregate(section.Body, (body, plot) => body.Replace(plot, "", StringComparison.Ordinal));
        return new
        {
            lens,
            status = section.StatusName,
            headlines = section.Headlines,
            data = section.Data,
            plots = section.Plots,
            html,
            runs = lens == "outlook" ? options.Runs : (int?)null,
            seed = lens == "outlook" ? options.Seed : (int?)null,
        };
    }

    /// <summary>A briefing on the edited scenario: the page <c>parley report</c> writes.</summary>
    public static string Briefing(Scenario scenario, string fileName, string yaml, CancellationToken cancellationToken)
    {
        var context = ReportContext.For(scenario, fileName, Sha256(yaml), ReportOptions.Default);
        return BriefingBuilder.Build(context, BriefingBuilder.DefaultSections(), cancellationToken: cancellationToken).Html;
    }

    private static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
