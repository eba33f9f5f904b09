using System.Collections;
using System.Globalization;
using Parley.Model;

namespace Parley.Scenarios;

/// <summary>
/// Writes a <see cref="Scenario"/> back as format-v1 YAML. Loading the output gives an equal scenario
/// (numeric issues and value functions are written in their compact source form).
/// </summary>
public static class ScenarioWriter
{
    /// <summary>The scenario as YAML text.</summary>
    public static string Write(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var root = new Dictionary<string, object?>
        {
            ["parley"] = 1,
            ["id"] = scenario.Id,
            ["title"] = scenario.Title,
        };
        if (scenario.Description.Length > 0)
        {
            root["description"] = scenario.Description;
        }

        root["scale"] = new List<object> { scenario.Scale.Min, scenario.Scale.Max };
        root["parties"] = scenario.Parties.Select(WriteParty).ToList();
        root["issues"] = scenario.Issues.Select(WriteIssue).ToList();
        if (scenario.Preferences.Count > 0)
        {
            root["preferences"] = scenario.Preferences.ToDictionary(p => p.PartyId, p => (object)WritePreferences(scenario, p));
        }

        if (scenario.Conflict is { } conflict)
        {
            root["conflict"] = WriteConflict(conflict);
        }

        if (scenario.Process is { } process)
        {
            root["process"] = WriteProcess(process);
        }

        if (scenario.Simulation is { } simulation)
        {
            root["simulation"] = simulation;
        }

        if (scenario.Forecast is { } forecast)
        {
            root["forecast"] = forecast;
        }

        return YamlTree.Write(ToNode(root));
    }

    /// <summary>
    /// The value tree as a <see cref="RawNode"/>: model strings are marked quoted, so one that a plain
    /// scalar would read as a number, boolean or null is written quoted and reads back as the same string.
    /// </summary>
    private static RawNode ToNode(object? value) => value switch
    {
        null => new RawScalar("null"),
        RawNode raw => raw,
        string s => new RawScalar(s) { Quoted = true },
        double d => new RawScalar(d.ToString("R", CultureInfo.InvariantCulture)),
        int i => new RawScalar(i.ToString(CultureInfo.InvariantCulture)),
        bool b => new RawScalar(b ? "true" : "false"),
        IDictionary<string, object?> map => new RawMapping(map.Select(e => new KeyValuePair<string, RawNode>(e.Key, ToNode(e.Value))).ToValueList()),
        IEnumerable list => new RawSequence(list.Cast<object?>().Select(ToNode).ToValueList()),
        _ => throw new ArgumentException($"cannot write a {value.GetType().Name}", nameof(value)),
    };

    private static Dictionary<string, object?> WriteParty(Party p)
    {
        var map = new Dictionary<string, object?>
        {
            ["id"] = p.Id,
            ["name"] = p.Name,
            ["roles"] = p.Roles.Select(r => r.ToString().ToLowerInvariant()).ToList(),
        };
        if (p.Negotiators.Count > 0)
        {
            map["negotiators"] = p.Negotiators.ToList();
        }

        if (p.Optional)
        {
            map["optional"] = true;
        }

        return map;
    }

    private static Dictionary<string, object?> WriteIssue(Issue issue)
    {
        var map = new Dictionary<string, object?> { ["id"] = issue.Id, ["name"] = issue.Name };
        if (issue.Numeric is { } n)
        {
            map["numeric"] = new Dictionary<string, object?> { ["min"] = n.Min, ["max"] = n.Max, ["step"] = n.Step, ["unit"] = n.Unit };
        }
        else
        {
            map["options"] = issue.Options.Select(o => new Dictionary<string, object?> { ["id"] = o.Id, ["name"] = o.Name }).ToList();
        }

        return map;
    }

    private static Dictionary<string, object?> WritePreferences(Scenario scenario, PartyPreferences p)
    {
        var scores = new Dictionary<string, object?>();
        for (var k = 0; k < scenario.Issues.Count; k++)
        {
            scores[scenario.Issues[k].Id] = p.Scores[k].Function is { } f
                ? new Dictionary<string, object?> { ["function"] = f.Select(pt => new List<object> { pt.X, pt.Score }).ToList() }
                : p.Scores[k].Values.ToList();
        }

        var map = new Dictionary<string, object?>
        {
            ["weights"] = scenario.Issues.Select((issue, k) => (issue.Id, p.Weights[k])).ToDictionary(x => x.Id, x => (object)x.Item2),
            ["scores"] = scores,
            ["reservation"] = p.Reservation,
        };
        if (p.RedLines.Count > 0)
        {
            map["red_lines"] = p.RedLines.Select(r =>
            {
                var line = new Dictionary<string, object?> { ["id"] = r.Id, ["rule"] = r.Rule.ToString() };
                if (r.Note.Length > 0)
                {
                    line["note"] = r.Note;
                }

                return line;
            }).ToList();
        }

        return map;
    }

    private static Dictionary<string, object?> WriteConflict(ConflictSpec c)
    {
        var map = new Dictionary<string, object?>
        {
            ["decision_makers"] = c.DecisionMakers.Select(dm =>
            {
                var m = new Dictionary<string, object?>
                {
                    ["id"] = dm.Id,
                    ["name"] = dm.Name,
                    ["options"] = dm.Options.Select(o => new Dictionary<string, object?>
                    {
                        ["id"] = o.Id,
                        ["name"] = o.Name,
                        ["direction"] = o.Direction.ToString().ToLowerInvariant(),
                    }).ToList(),
                };
                if (dm.Preferences.Statements is { } s)
                {
                    m["preferences"] = s.Select(x => x.ToString()).ToList();
                }

                if (dm.Preferences.Ranking is { } r)
                {
                    m["ranking"] = r.Select(t => t.ToList()).ToList();
                }

                if (dm.Misperceptions.Count > 0)
                {
                    m["misperceptions"] = dm.Misperceptions.Select(x => x.ToString()).ToList();
                }

                return m;
            }).ToList(),
        };
        if (c.Infeasible.Count > 0)
        {
            map["infeasible"] = c.Infeasible.Select(x => x.ToString()).ToList();
        }

        if (c.ExclusiveGroups.Count > 0)
        {
            map["exclusive"] = c.ExclusiveGroups.Select(g => g.ToList()).ToList();
        }

        if (c.AtLeastOneGroups.Count > 0)
        {
            map["at_least_one"] = c.AtLeastOneGroups.Select(g => g.ToList()).ToList();
        }

        if (c.StatusQuo is { } sq)
        {
            map["status_quo"] = sq.ToList();
        }

        return map;
    }

    private static Dictionary<string, object?> WriteProcess(ProcessSpec p)
    {
        var map = new Dictionary<string, object?>();
        if (p.Mediator is not null)
        {
            map["mediator"] = p.Mediator;
        }

        if (p.MediatorEntersAt is not null)
        {
            map["mediator_enters"] = p.MediatorEntersAt;
        }

        map["stages"] = p.Stages.Select(s => new Dictionary<string, object?>
        {
            ["id"] = s.Id,
            ["name"] = s.Name,
            ["participants"] = s.Participants.ToList(),
            ["after"] = s.After.ToList(),
            ["agenda"] = s.Agenda.ToList(),
            ["success"] = s.Success,
            ["status"] = s.Status.ToString().ToLowerInvariant(),
        }).ToList();
        map["venues"] = p.Venues.Select(v => new Dictionary<string, object?>
        {
            ["id"] = v.Id,
            ["name"] = v.Name,
            ["accepted_by"] = v.AcceptedBy.ToList(),
            ["rejected_by"] = v.RejectedBy.ToList(),
        }).ToList();
        map["deadlines"] = p.Deadlines.Select(d =>
        {
            var m = new Dictionary<string, object?>
            {
                ["id"] = d.Id,
                ["name"] = d.Name,
                ["date"] = d.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            };
            if (d.Stage is not null)
            {
                m["stage"] = d.Stage;
            }

            if (d.SetBy is not null)
            {
                m["set_by"] = d.SetBy;
            }

            m["consequence"] = d.Consequence == DeadlineConsequence.CloseStage ? "close-stage" : d.Consequence.ToString().ToLowerInvariant();
            if (d.ConsequenceNote.Length > 0)
            {
                m["note"] = d.ConsequenceNote;
            }

            return m;
        }).ToList();
        var confidentiality = new Dictionary<string, object?>
        {
            ["contents"] = p.Confidentiality.Contents.ToString().ToLowerInvariant(),
            ["positions"] = p.Confidentiality.Positions.ToString().ToLowerInvariant(),
            ["statements"] = p.Confidentiality.Statements.ToString().ToLowerInvariant(),
            ["disclosure_to"] = p.Confidentiality.DisclosureTo.ToString().ToLowerInvariant(),
        };
        if (p.Confidentiality.BlindChecks != Confidentiality.Default.BlindChecks)
        {
            confidentiality["blind_checks"] = p.Confidentiality.BlindChecks.ToString().ToLowerInvariant();
        }

        if (p.Confidentiality.CheckBudget != Confidentiality.DefaultCheckBudget)
        {
            confidentiality["check_budget"] = p.Confidentiality.CheckBudget;
        }

        map["confidentiality"] = confidentiality;
        return map;
    }
}
