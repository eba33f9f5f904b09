using System.Globalization;
using Parley.Model;

namespace Parley.Scenarios;

internal sealed partial class ScenarioReader
{
    private ProcessSpec? ReadProcess(RawNode node, ValueList<Party> parties, ValueList<Issue> issues)
    {
        if (Mapping(node, "process (stages, venues, deadlines, confidentiality)") is not { } map)
        {
            return null;
        }

        CheckKeys(map, ["mediator", "mediator_enters", "stages", "venues", "deadlines", "confidentiality"], "process");
        bool IsParty(string id) => parties.Any(p => p.Id == id);
        string? mediator = null;
        if (map["mediator"] is { } m)
        {
            mediator = Text(m);
            if (!IsParty(mediator))
            {
                Error(m, $"mediator '{Truncate(mediator)}' is not a party; parties are {ListIds(parties.Select(p => p.Id))}");
            }
        }

        var stageIds = new HashSet<string>(StringComparer.Ordinal);
        var stageNodes = new List<(RawMapping Map, Stage Stage)>();
        if (map["stages"] is { } stagesNode)
        {
            foreach (var item in Items(stagesNode, "stages"))
            {
                if (Mapping(item, "a stage (id, name, participants, after, agenda)") is not { } s)
                {
                    continue;
                }

                CheckKeys(s, ["id", "name", "participants", "after", "agenda", "success", "status"], "stage");
                var id = RequiredId(s, "stage", stageIds);
                var participants = IdList(s["participants"], $"participants of stage '{id}'", IsParty, "party");
                var agenda = IdList(s["agenda"], $"agenda of stage '{id}'", x => issues.Any(i => i.Id == x), "issue");
                var status = StageStatus.Pending;
                if (s["status"] is { } st && !TryParseName(Text(st), out status))
                {
                    Error(st, $"unknown stage status '{Truncate(Text(st))}'; expected pending, open, done or failed");
                }

                var stage = new Stage(id, OptionalText(s, "name") ?? id, participants, ValueList<string>.Empty, agenda,
                    OptionalText(s, "success") ?? "", status);
                stageNodes.Add((s, stage));
            }
        }

        // 'after' may point forward in the file, so resolve it once all ids are known.
        var stages = new List<Stage>();
        foreach (var (s, stage) in stageNodes)
        {
            var after = IdList(s["after"], $"'after' of stage '{stage.Id}'", stageIds.Contains, "stage");
            if (after.Contains(stage.Id))
            {
                Error(s["after"]!, $"stage '{stage.Id}' cannot come after itself");
                after = after.Where(a => a != stage.Id).ToValueList();
            }

            stages.Add(stage with { After = after });
        }

        CheckStageCycles(stageNodes.Select(x => x.Map).ToList(), stages);
        string? entersAt = null;
        if (map["mediator_enters"] is { } e)
        {
            entersAt = Text(e);
            if (!stageIds.Contains(entersAt))
            {
                Error(e, $"mediator_enters names unknown stage '{Truncate(entersAt)}'");
            }
            else if (mediator is null)
            {
                Error(e, "mediator_enters needs 'mediator:' (which party mediates)");
            }
        }

        var venues = ReadVenues(map["venues"], IsParty);
        var deadlines = ReadDeadlines(map["deadlines"], IsParty, stageIds);
        var confidentiality = map["confidentiality"] is { } c ? ReadConfidentiality(c) : Confidentiality.Default;
        return new ProcessSpec(mediator, entersAt, stages.ToValueList(), venues, deadlines, confidentiality);
    }

    private void CheckStageCycles(List<RawMapping> sites, List<Stage> stages)
    {
        var index = stages.Select((s, i) => (s.Id, i)).GroupBy(x => x.Id).ToDictionary(g => g.Key, g => g.First().i, StringComparer.Ordinal);
        var state = new int[stages.Count]; // 0 unvisited, 1 on stack, 2 done
        for (var start = 0; start < stages.Count; start++)
        {
            if (state[start] != 0)
            {
                continue;
            }

            // Iterative depth-first search; the path is kept to name the cycle.
            var path = new List<int> { start };
            var next = new List<int> { 0 };
            state[start] = 1;
            while (path.Count > 0)
            {
                var v = path[^1];
                var after = stages[v].After;
                if (next[^1] >= after.Count)
                {
                    state[v] = 2;
                    path.RemoveAt(path.Count - 1);
                    next.RemoveAt(next.Count - 1);
                    continue;
                }

                if (!index.TryGetValue(after[next[^1]++], out var w))
                {
                    continue;
                }
                if (w == v)
                {
                    continue;
                }

                if (state[w] == 1)
                {
                    var cycle = path.Skip(path.IndexOf(w)).Select(i => stages[i].Id).Append(stages[w].Id);
                    Error(sites[w]["after"] ?? sites[w], $"stages depend on each other in a cycle: {string.Join(" after ", cycle)}");
                    return;
                }

                if (state[w] == 0)
                {
                    state[w] = 1;
                    path.Add(w);
                    next.Add(0);
                }
            }
        }
    }

    private ValueList<Venue> ReadVenues(RawNode? node, Func<string, bool> isParty)
    {
        var venues = new List<Venue>();
        if (node is null)
        {
            return venues.ToValueList();
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in Items(node, "venues"))
        {
            if (Mapping(item, "a venue (id, name, accepted_by, rejected_by)") is not { } v)
            {
                continue;
            }

            CheckKeys(v, ["id", "name", "accepted_by", "rejected_by"], "venue");
            var id = RequiredId(v, "venue", ids);
            var accepted = IdList(v["accepted_by"], $"accepted_by of venue '{id}'", isParty, "party");
            var rejected = IdList(v["rejected_by"], $"rejected_by of venue '{id}'", isParty, "party");
            foreach (var both in accepted.Intersect(rejected))
            {
                Error(v, $"party '{both}' both accepts and rejects venue '{id}'");
            }

            venues.Add(new Venue(id, OptionalText(v, "name") ?? id, accepted, rejected));
        }

        return venues.ToValueList();
    }

    private ValueList<Deadline> ReadDeadlines(RawNode? node, Func<string, bool> isParty, HashSet<string> stageIds)
    {
        var deadlines = new List<Deadline>();
        if (node is null)
        {
            return deadlines.ToValueList();
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in Items(node, "deadlines"))
        {
            if (Mapping(item, "a deadline (id, name, date, stage, set_by, consequence)") is not { } d)
            {
                continue;
            }

            CheckKeys(d, ["id", "name", "date", "stage", "set_by", "consequence", "note"], "deadline");
            var id = RequiredId(d, "deadline", ids);
            var date = DateOnly.MinValue;
            if (d["date"] is { } dateNode)
            {
                if (!DateOnly.TryParseExact(Text(dateNode), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
                {
                    Error(dateNode, $"deadline '{id}': expected a date as YYYY-MM-DD, found '{Truncate(Text(dateNode))}'");
                }
            }
            else
            {
                Error(d, $"deadline '{id}' is missing 'date:' (YYYY-MM-DD)");
            }

            string? stage = null;
            if (d["stage"] is { } stageNode)
            {
                stage = Text(stageNode);
                if (!stageIds.Contains(stage))
                {
                    Error(stageNode, $"deadline '{id}' names unknown stage '{Truncate(stage)}'");
                }
            }

            string? setBy = null;
            if (d["set_by"] is { } setNode)
            {
                setBy = Text(setNode);
                if (!isParty(setBy))
                {
                    Error(setNode, $"deadline '{id}' is set by unknown party '{Truncate(setBy)}'");
                }
            }

            var consequence = DeadlineConsequence.Notice;
            if (d["consequence"] is { } c)
            {
                if (!TryParseName(Text(c), out consequence))
                {
                    Error(c, $"deadline '{id}': unknown consequence '{Truncate(Text(c))}'; expected notice, stall, pressure or close-stage");
                }
            }

            deadlines.Add(new Deadline(id, OptionalText(d, "name") ?? id, date, stage, setBy, consequence, OptionalText(d, "note") ?? ""));
        }

        return deadlines.ToValueList();
    }

    private Confidentiality ReadConfidentiality(RawNode node)
    {
        if (Mapping(node, "confidentiality (contents, positions, statements, disclosure_to, blind_checks, check_budget)") is not { } map)
        {
            return Confidentiality.Default;
        }

        CheckKeys(map, ["contents", "positions", "statements", "disclosure_to", "blind_checks", "check_budget"], "confidentiality");
        Visibility Read(string key, Visibility fallback)
        {
            if (map[key] is not { } v)
            {
                return fallback;
            }

            if (TryParseName<Visibility>(Text(v), out var parsed))
            {
                return parsed;
            }

            Error(v, $"unknown visibility '{Truncate(Text(v))}' for {key}; expected private, mediator, participants or public");
            return fallback;
        }

        var d = Confidentiality.Default;
        var blindChecks = Read("blind_checks", d.BlindChecks);
        if (blindChecks is not (Visibility.Mediator or Visibility.Participants))
        {
            Error(map["blind_checks"]!, "blind_checks is mediator or participants");
            blindChecks = d.BlindChecks;
        }

        var budget = d.CheckBudget;
        if (map["check_budget"] is { } b)
        {
            if (!int.TryParse(Text(b), NumberStyles.None, CultureInfo.InvariantCulture, out budget) || budget is < 0 or > 1000)
            {
                Error(b, $"check_budget must be a whole number from 0 to 1000, not '{Truncate(Text(b))}'");
                budget = d.CheckBudget;
            }
        }

        return new Confidentiality(Read("contents", d.Contents), Read("positions", d.Positions), Read("statements", d.Statements), Read("disclosure_to", d.DisclosureTo),
            blindChecks, budget);
    }
}
