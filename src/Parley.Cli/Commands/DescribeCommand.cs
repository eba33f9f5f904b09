using System.CommandLine;
using Parley.Cli.Infrastructure;
using Parley.Model;
using Spectre.Console;

namespace Parley.Cli.Commands;

/// <summary><c>parley describe FILE</c>: parties, issues, package-space size, red lines per party, stages.</summary>
internal static class DescribeCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "Scenario file (YAML)." };
        ScenarioFiles.RejectOptionLikeValues(file);
        var format = Output.FormatOption();
        var command = new Command("describe", "Describe a scenario: parties, issues, package space, red lines, stages and deadlines.") { file, format };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var scenario = ScenarioFiles.LoadOrThrow(parse.GetValue(file)!, parse.InvocationConfiguration.Error);
            if (parse.GetValue(format) == OutputFormat.Json)
            {
                Output.WriteJson(output, ToJson(scenario));
            }
            else
            {
                Render(Terminal.For(output), scenario);
            }

            return CliApp.Ok;
        });
        return command;
    }

    internal static object ToJson(Scenario s) => new
    {
        id = s.Id,
        title = s.Title,
        parties = s.Parties.Select(p => new { id = p.Id, name = p.Name, roles = p.Roles, negotiators = p.Negotiators, optional = p.Optional }),
        issues = s.Issues.Select(i => new { id = i.Id, name = i.Name, options = i.Options.Select(o => new { id = o.Id, name = o.Name }) }),
        packages = s.PackageCount,
        redLines = s.Preferences.Select(p => new { party = p.PartyId, lines = p.RedLines.Select(r => new { id = r.Id, rule = r.Rule.ToString(), note = r.Note }) }),
        conflict = s.Conflict is { } c
            ? new { decisionMakers = c.DecisionMakers.Select(d => new { id = d.Id, options = d.Options.Select(o => o.Id) }), options = c.AllOptions.Count() }
            : null,
        stages = s.Process?.Stages.Select(st => new { id = st.Id, name = st.Name, participants = st.Participants, after = st.After, status = st.Status }),
        deadlines = s.Process?.Deadlines.Select(d => new { id = d.Id, name = d.Name, date = d.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), consequence = d.Consequence }),
    };

    private static void Render(IAnsiConsole console, Scenario s)
    {
        console.Write(new Rule($"[bold]{Markup.Escape(s.Title)}[/] ({Markup.Escape(s.Id)})").LeftJustified());
        if (s.Description.Length > 0)
        {
            console.WriteLine(s.Description.Trim());
        }

        var parties = new Table().Title("Parties").AddColumns("id", "name", "roles", "negotiators");
        foreach (var p in s.Parties)
        {
            parties.AddRow(Markup.Escape(p.Id), Markup.Escape(p.Name + (p.Optional ? " (optional)" : "")),
                string.Join(", ", p.Roles.Select(r => r.ToString().ToLowerInvariant())), Markup.Escape(string.Join(", ", p.Negotiators)));
        }

        console.Write(parties);
        var issues = new Table().Title(s.Issues.Count == 0 ? "Issues: none (nothing to package)" : $"Issues: {s.PackageCount:N0} packages").AddColumns("id", "name", "options");
        foreach (var i in s.Issues)
        {
            issues.AddRow(Markup.Escape(i.Id), Markup.Escape(i.Name),
                Markup.Escape(i.Numeric is { } n ? $"{n.Min}..{n.Max} step {n.Step} {n.Unit} ({n.Count} values)" : string.Join(" · ", i.Options.Select(o => $"{o.Id} {o.Name}"))));
        }

        console.Write(issues);
        if (s.Preferences.Any(p => p.RedLines.Count > 0))
        {
            var lines = new Table().Title("Red lines (private to each party)").AddColumns("party", "id", "rule", "note");
            foreach (var p in s.Preferences)
            {
                foreach (var r in p.RedLines)
                {
                    lines.AddRow(Markup.Escape(p.PartyId), Markup.Escape(r.Id), Markup.Escape(r.Rule.ToString()), Markup.Escape(r.Note));
                }
            }

            console.Write(lines);
        }

        if (s.Conflict is { } c)
        {
            console.MarkupLine($"[bold]Conflict model[/]: {c.DecisionMakers.Count} decision makers, {c.AllOptions.Count()} options ({Markup.Escape(string.Join(", ", c.DecisionMakers.Select(d => $"{d.Id}: {string.Join("/", d.Options.Select(o => o.Id))}")))})");
        }

        if (s.Process is { } process)
        {
            var stages = new Table().Title("Stages").AddColumns("stage", "after", "participants", "status");
            foreach (var st in process.Stages)
            {
                stages.AddRow(Markup.Escape($"{st.Id} {st.Name}"), Markup.Escape(st.After.Count == 0 ? "—" : string.Join(", ", st.After)),
                    Markup.Escape(string.Join(", ", st.Participants)), st.Status.ToString().ToLowerInvariant());
            }

            console.Write(stages);
            if (process.Mediator is not null)
            {
                console.MarkupLine($"Mediator [bold]{Markup.Escape(process.Mediator)}[/] takes part from {Markup.Escape(process.MediatorEntersAt ?? "the start")}.");
            }

            foreach (var d in process.Deadlines)
            {
                console.MarkupLine($"Deadline [bold]{Markup.Escape(d.Id)}[/] {d.Date:yyyy-MM-dd}: {Markup.Escape(d.Name)} → {d.Consequence.ToString().ToLowerInvariant()}");
            }
        }
    }
}
