using Parley.Model;
using W = Parley.Scenarios.Diff.ChangeWords;

namespace Parley.Scenarios.Diff;

internal sealed partial class ScenarioDiffer
{
    private static ConflictSpec NeedConflict(Scenario s) => s.Conflict ?? throw new ChangeNotApplicableException("the scenario has no conflict section");

    private void Conflict()
    {
        var (x, y) = (a.Conflict, b.Conflict);
        if (Equals(x, y))
        {
            return;
        }

        if (x is null || y is null)
        {
            Add(x is null ? ChangeKind.Added : ChangeKind.Removed, ScenarioElement.Conflict, "conflict",
                x is null ? null : W.Conflict(x), y is null ? null : W.Conflict(y), s => s with { Conflict = y });
            return;
        }

        var dms = new ListLens<DecisionMaker>("the conflict's decision makers", s => s.Conflict?.DecisionMakers,
            (s, l) => s with { Conflict = NeedConflict(s) with { DecisionMakers = l } });
        Keyed("conflict.decision_makers", ScenarioElement.DecisionMaker, dms, x.DecisionMakers, y.DecisionMakers, d => d.Id, (d, _) => W.DecisionMaker(d),
            [
                new("name", d => d.Name, (t, s) => t with { Name = s.Name }),
                new("preferences", d => W.ConflictPreferences(d.Preferences), (t, s) => t with { Preferences = s.Preferences }),
                new("misperceptions", d => W.List(d.Misperceptions.Select(c => c.ToString())), (t, s) => t with { Misperceptions = s.Misperceptions }),
            ],
            (path, dx, dy) =>
            {
                var options = dms.Child(d => d.Id, dx.Id, d => d.Options, (d, l) => d with { Options = l }, $"{dx.Id}'s options");
                Keyed(path + ".options", ScenarioElement.ConflictOption, options, dx.Options, dy.Options, o => o.Id, (o, _) => W.ConflictOption(o),
                [
                    new("name", o => o.Name, (t, s) => t with { Name = s.Name }),
                    new("direction", o => W.Enum(o.Direction), (t, s) => t with { Direction = s.Direction }),
                ]);
            });
        Set("conflict.infeasible", ScenarioElement.ConflictRule, x.Infeasible, y.Infeasible, c => c.ToString(),
            s => NeedConflict(s).Infeasible, (s, l) => s with { Conflict = NeedConflict(s) with { Infeasible = l } });
        Set("conflict.exclusive", ScenarioElement.ConflictRule, x.ExclusiveGroups, y.ExclusiveGroups, W.List,
            s => NeedConflict(s).ExclusiveGroups, (s, l) => s with { Conflict = NeedConflict(s) with { ExclusiveGroups = l } });
        Set("conflict.at_least_one", ScenarioElement.ConflictRule, x.AtLeastOneGroups, y.AtLeastOneGroups, W.List,
            s => NeedConflict(s).AtLeastOneGroups, (s, l) => s with { Conflict = NeedConflict(s) with { AtLeastOneGroups = l } });
        Fields("conflict", ScenarioElement.ConflictRule, x, y, (s, edit) => s with { Conflict = edit(NeedConflict(s)) },
            [new Field<ConflictSpec>("status_quo", c => c.StatusQuo is { } q ? W.List(q) : "none", (t, s) => t with { StatusQuo = s.StatusQuo })]);
    }
}
