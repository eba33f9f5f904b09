using System.Globalization;
using Parley.Model;

namespace Parley.Bargaining.Export;

/// <summary>
/// Lists what an export drops, one sentence per construct, so that README.txt and stderr say it instead of
/// the export losing it silently. Shared by the four exporters; each adds what is particular to its format.
/// </summary>
internal static class ExportLosses
{
    /// <summary>Losses common to the bargaining formats (GENIUS, GeniusWeb, NegMAS): red lines, numeric issues, sections and names.</summary>
    /// <param name="model">What is exported.</param>
    /// <param name="format">Format name as shown to the user (e.g. <c>GENIUS</c>).</param>
    /// <param name="keepsNumeric">True when the format writes numeric issues as numbers (NegMAS), false when they become discrete values.</param>
    public static List<string> Bargaining(ExportModel model, string format, bool keepsNumeric)
    {
        ArgumentNullException.ThrowIfNull(model);
        var s = model.Scenario;
        var lost = new List<string>();
        foreach (var party in model.Parties)
        {
            foreach (var line in s.PreferencesOf(party.Id)!.RedLines)
            {
                lost.Add($"red line {line.Id} of {party.Id} ({line.Rule}): {format} has no hard constraints");
            }
        }

        foreach (var issue in s.Issues.Where(i => i.Numeric is not null))
        {
            var n = issue.Numeric!;
            var range = $"{F(n.Min)} to {F(n.Max)}{(n.Unit.Length > 0 ? " " + n.Unit : "")}, step {F(n.Step)}";
            lost.Add(keepsNumeric
                ? $"numeric issue {issue.Id} ({range}): written as the list of its values; its unit and the value functions' breakpoints are lost (each value keeps its utility)"
                : $"numeric issue {issue.Id} ({range}): {format} reads no numeric issue here, so it is written as discrete values {issue.Options[0].Id} … {issue.Options[^1].Id}; its range, unit and value functions are lost (each value keeps its utility)");
        }

        var exported = model.Parties.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var p in s.Parties.Where(p => !exported.Contains(p.Id)))
        {
            lost.Add(s.PreferencesOf(p.Id) is null
                ? $"party {p.Id} ({p.Name}): no preferences, so no profile"
                : $"party {p.Id} ({p.Name}): not exported ({(p.Optional ? "optional party; " : "")}name it in --parties to include it)");
        }

        lost.Add("party names, roles and negotiators (profiles are named by party id)");
        if (s.Process is null)
        {
            lost.Add("the privacy of preferences: Parley keeps each party's preferences private; the files carry them in the clear");
        }

        Sections(s, lost, conflictToo: true);
        return lost;
    }

    /// <summary>The sections no bargaining or conflict format holds: process (stages, deadlines, venues, mediator, confidentiality), simulation, forecast.</summary>
    public static void Sections(Scenario scenario, List<string> lost, bool conflictToo)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(lost);
        if (scenario.Description.Length > 0 || scenario.Title.Length > 0)
        {
            lost.Add("the scenario's title and description");
        }

        if (conflictToo && scenario.Conflict is not null)
        {
            lost.Add("the conflict: section (the graph model; export it with --to gmcr)");
        }

        if (scenario.Process is { } process)
        {
            if (process.Stages.Count > 0)
            {
                lost.Add($"process stages ({process.Stages.Count}: {string.Join(", ", process.Stages.Select(x => x.Id))}) with their order, participants, agendas and status");
            }

            if (process.Mediator is { } mediator)
            {
                lost.Add($"the mediator ({mediator}{(process.MediatorEntersAt is { } at ? $", entering at {at}" : "")})");
            }

            if (process.Deadlines.Count > 0)
            {
                lost.Add($"deadlines ({string.Join(", ", process.Deadlines.Select(d => $"{d.Id} {d.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}"))})");
            }

            if (process.Venues.Count > 0)
            {
                lost.Add($"venues ({string.Join(", ", process.Venues.Select(v => v.Id))}) and who accepts or rejects them");
            }

            var c = process.Confidentiality;
            lost.Add($"confidentiality (contents: {Word(c.Contents)}, positions: {Word(c.Positions)}, statements: {Word(c.Statements)}, disclosure to: {Word(c.DisclosureTo)}): the files carry every party's private preferences in the clear");
        }

        if (scenario.Simulation is not null)
        {
            lost.Add("the simulation: section (strategies, durations, priors)");
        }

        if (scenario.Forecast is not null)
        {
            lost.Add("the forecast: section");
        }
    }

    /// <summary>A number as the scenario file writes it.</summary>
    public static string F(double v) => v.ToString("0.######", CultureInfo.InvariantCulture);

    private static string Word(Visibility v) => v.ToString().ToLowerInvariant();
}
