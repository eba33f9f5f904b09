using System.Globalization;
using Parley.Model;
using Parley.Talks.Service;

namespace Parley.Report;

/// <summary>Everything a section builder may read: the scenario, where it came from, the options and the outlook date.</summary>
/// <param name="Scenario">The loaded scenario (for a live briefing, <see cref="LiveScenario.Scenario"/>).</param>
/// <param name="ScenarioFile">The file name as the user gave it (shown in every inputs line); for a live briefing, the talks id.</param>
/// <param name="ScenarioSha256">SHA-256 of the file's bytes (hex), so a reader can tell which inputs produced the numbers; empty for a live briefing (its version and date say that).</param>
/// <param name="Options">Runs, seed and date as given.</param>
/// <param name="By">
/// The outlook date: <c>--by</c> when given, else the rule <c>parley simulate</c> uses (see
/// <see cref="OutlookSection.DefaultDate"/>); null when the scenario has nothing to date.
/// </param>
internal sealed record ReportContext(Scenario Scenario, string ScenarioFile, string ScenarioSha256, ReportOptions Options, DateOnly? By)
{
    /// <summary>The live talks this briefing is on, as its caller may see them; null for a briefing on a scenario file.</summary>
    public LiveScenario? Live { get; init; }

    /// <summary>The outlook's day 0 when it is not the scenario's own: the live briefing's date.</summary>
    public DateOnly? Start => Live?.AsOf;

    /// <summary>A context whose outlook date is resolved once, so every section shows the same date.</summary>
    public static ReportContext For(Scenario scenario, string file, string sha256, ReportOptions options) =>
        new(scenario, file, sha256, options, options.By ?? OutlookSection.DefaultDate(scenario, file));

    /// <summary>A context for the live briefing of <paramref name="live"/>: the outlook restarts on its date.</summary>
    public static ReportContext For(LiveScenario live, ReportOptions options)
    {
        ArgumentNullException.ThrowIfNull(live);
        ArgumentNullException.ThrowIfNull(options);
        return new(live.Scenario, live.TalksId, "", options, options.By ?? OutlookSection.DefaultDate(live.Scenario, live.TalksId, live.AsOf)) { Live = live };
    }

    /// <summary>The flags that determine the results, as a command line fragment.</summary>
    public string FlagsLine() => string.Create(CultureInfo.InvariantCulture, $"--runs {Options.Runs} --seed {Options.Seed}")
        + (By is { } by ? " --by " + by.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "");

    /// <summary>The inputs line shared by every section: file, its hash prefix (or the live talks, version and date), and (for simulations) the flags.</summary>
    public string InputsLine(bool withSimulation = false)
    {
        var line = Live is { } live
            ? $"Inputs: the live talks {live.TalksId} as {live.Caller.Key} may see them ({(live.Version is { } v ? string.Create(CultureInfo.InvariantCulture, $"version {v} of its view, ") : "")}{Words.Date(live.AsOf)})"
            : $"Inputs: {Path.GetFileName(ScenarioFile)} (sha256 {ScenarioSha256[..12]}…)";
        if (withSimulation)
        {
            line += ", " + FlagsLine();
        }

        return line + ". Illustrative inputs give illustrative outputs.";
    }
}
