using Parley.Model;
using W = Parley.Scenarios.Diff.ChangeWords;

namespace Parley.Scenarios.Diff;

/// <summary>Walks two scenarios side by side and records each difference with a patch that replays it alone.</summary>
internal sealed partial class ScenarioDiffer(Scenario a, Scenario b)
{
    private readonly List<ScenarioChange> _changes = [];

    public IReadOnlyList<ScenarioChange> Run()
    {
        if (Equals(a, b))
        {
            return [];
        }

        Header();
        Parties();
        Issues();
        Preferences();
        Conflict();
        Process();
        Raw("simulation", ScenarioElement.Simulation, a.Simulation, b.Simulation, s => s.Simulation, (s, n) => s with { Simulation = n });
        Raw("forecast", ScenarioElement.Forecast, a.Forecast, b.Forecast, s => s.Forecast, (s, n) => s with { Forecast = n });
        return _changes;
    }

    private void Add(ChangeKind kind, ScenarioElement element, string path, string? before, string? after, Func<Scenario, Scenario> patch) =>
        _changes.Add(new ScenarioChange(kind, element, path, before, after) { Patch = patch });

    private static string Join(string path, string name) => path.Length == 0 ? name : path + "." + name;

    /// <summary>One change per field whose words differ; <paramref name="update"/> finds the element in the scenario the patch is applied to.</summary>
    private void Fields<T>(string path, ScenarioElement element, T x, T y, Func<Scenario, Func<T, T>, Scenario> update, IEnumerable<Field<T>> fields)
    {
        foreach (var f in fields)
        {
            var (wx, wy) = (f.Show(x), f.Show(y));
            if (wx != wy)
            {
                Add(ChangeKind.Changed, element, Join(path, f.Name), wx, wy, s => update(s, e => f.Take(e, y)));
            }
        }
    }

    /// <summary>A list of elements with ids: removed, changed (field by field, then <paramref name="inner"/> for nested lists), added.</summary>
    private void Keyed<T>(string path, ScenarioElement element, ListLens<T> lens, IReadOnlyList<T> xs, IReadOnlyList<T> ys,
        Func<T, string> key, Func<T, Scenario, string> describe, IReadOnlyList<Field<T>> fields, Action<string, T, T>? inner = null)
        where T : class
    {
        var oldKeys = xs.Select(key).ToHashSet(StringComparer.Ordinal);
        foreach (var x in xs)
        {
            var k = key(x);
            var p = Join(path, k);
            var y = ys.FirstOrDefault(e => key(e) == k);
            if (y is null)
            {
                Add(ChangeKind.Removed, element, p, describe(x, a), null, s => lens.Remove(s, key, k));
                continue;
            }

            if (Equals(x, y))
            {
                continue;
            }

            Fields(p, element, x, y, (s, edit) => lens.Update(s, key, k, edit), fields);
            inner?.Invoke(p, x, y);
        }

        for (var i = 0; i < ys.Count; i++)
        {
            var y = ys[i];
            if (oldKeys.Contains(key(y)))
            {
                continue;
            }

            var before = ys.Take(i).Select(key).ToList();
            Add(ChangeKind.Added, element, Join(path, key(y)), null, describe(y, b), s => lens.Insert(s, key, y, before));
        }
    }

    /// <summary>A list of rules without ids (infeasible combinations, groups), compared by their text.</summary>
    private void Set<T>(string path, ScenarioElement element, IReadOnlyList<T> xs, IReadOnlyList<T> ys, Func<T, string> text,
        Func<Scenario, ValueList<T>> get, Func<Scenario, ValueList<T>, Scenario> set)
    {
        var oldTexts = xs.Select(text).ToHashSet(StringComparer.Ordinal);
        var newTexts = ys.Select(text).ToHashSet(StringComparer.Ordinal);
        foreach (var x in xs.Where(x => !newTexts.Contains(text(x))))
        {
            var t = text(x);
            Add(ChangeKind.Removed, element, $"{path}[{t}]", t, null, s =>
                get(s).Any(e => text(e) == t) ? set(s, get(s).Where(e => text(e) != t).ToValueList()) : throw new ChangeNotApplicableException($"{path} has no {t}"));
        }

        foreach (var y in ys.Where(y => !oldTexts.Contains(text(y))))
        {
            var t = text(y);
            Add(ChangeKind.Added, element, $"{path}[{t}]", null, t, s => set(s, get(s).Append(y).ToValueList()));
        }
    }

    private void Header() => Fields("", ScenarioElement.Scenario, a, b, (s, edit) => edit(s),
    [
        new("id", s => s.Id, (t, s) => t with { Id = s.Id }),
        new("title", s => s.Title, (t, s) => t with { Title = s.Title }),
        new("description", s => s.Description, (t, s) => t with { Description = s.Description }),
        new("scale", s => W.Nums([s.Scale.Min, s.Scale.Max]), (t, s) => t with { Scale = s.Scale }),
    ]);

    private void Parties() => Keyed("parties", ScenarioElement.Party,
        new ListLens<Party>("parties", s => s.Parties, (s, l) => s with { Parties = l }), a.Parties, b.Parties, p => p.Id, (p, _) => W.Party(p),
        [
            new("name", p => p.Name, (t, s) => t with { Name = s.Name }),
            new("roles", p => W.List(p.Roles.Select(r => W.Enum(r))), (t, s) => t with { Roles = s.Roles }),
            new("negotiators", p => W.List(p.Negotiators), (t, s) => t with { Negotiators = s.Negotiators }),
            new("optional", p => p.Optional ? "true" : "false", (t, s) => t with { Optional = s.Optional }),
        ]);

    private void Issues()
    {
        var issues = new ListLens<Issue>("issues", s => s.Issues, (s, l) => s with { Issues = l });
        Keyed("issues", ScenarioElement.Issue, issues, a.Issues, b.Issues, i => i.Id, (i, _) => W.Issue(i),
            [
                new("name", i => i.Name, (t, s) => t with { Name = s.Name }),
                new("range", i => W.Range(i.Numeric), (t, s) => t with { Numeric = s.Numeric, Options = s.Options }),
            ],
            (path, x, y) =>
            {
                if (x.Numeric is not null || y.Numeric is not null)
                {
                    return; // a numeric issue's options follow from its range (reported as "range")
                }

                var options = issues.Child(i => i.Id, x.Id, i => i.Options, (i, l) => i with { Options = l }, $"issue {x.Id}'s options");
                Keyed(path + ".options", ScenarioElement.IssueOption, options, x.Options, y.Options, o => o.Id, (o, _) => W.Option(o),
                [
                    new("name", o => o.Name, (t, s) => t with { Name = s.Name }),
                    new("value", o => o.Value is { } v ? W.Num(v) : "none", (t, s) => t with { Value = s.Value }),
                ]);
            });
    }

    private void Preferences()
    {
        var prefs = new ListLens<PartyPreferences>("preferences", s => s.Preferences, (s, l) => s with { Preferences = l });
        Keyed("preferences", ScenarioElement.Preferences, prefs, a.Preferences, b.Preferences, p => p.PartyId, W.Preferences, [],
            (path, x, y) =>
            {
                PerIssue(path + ".weights", ScenarioElement.Weight, prefs, x, y,
                    (p, k) => k < p.Weights.Count ? W.Num(p.Weights[k]) : null,
                    (p, k, from, kb) => p with { Weights = p.Weights.Select((w, i) => i == k ? from.Weights[kb] : w).ToValueList() });
                PerIssue(path + ".scores", ScenarioElement.Scores, prefs, x, y,
                    (p, k) => k < p.Scores.Count ? W.Scores(p.Scores[k]) : null,
                    (p, k, from, kb) => p with { Scores = p.Scores.Select((sc, i) => i == k ? from.Scores[kb] : sc).ToValueList() });
                Fields(path, ScenarioElement.Reservation, x, y, (s, edit) => prefs.Update(s, p => p.PartyId, x.PartyId, edit),
                    [new Field<PartyPreferences>("reservation", p => W.Num(p.Reservation), (t, s) => t with { Reservation = s.Reservation })]);
                var lines = prefs.Child(p => p.PartyId, x.PartyId, p => p.RedLines, (p, l) => p with { RedLines = l }, $"{x.PartyId}'s red lines");
                Keyed(path + ".red_lines", ScenarioElement.RedLine, lines, x.RedLines, y.RedLines, r => r.Id, (r, _) => W.RedLine(r),
                [
                    new("rule", r => r.Rule.ToString(), (t, s) => t with { Rule = s.Rule }),
                    new("note", r => r.Note, (t, s) => t with { Note = s.Note }),
                ]);
            });
    }

    /// <summary>Weights or scores, one entry per issue id (the lists are in issue order, and issues may have moved or changed).</summary>
    private void PerIssue(string path, ScenarioElement element, ListLens<PartyPreferences> prefs, PartyPreferences x, PartyPreferences y,
        Func<PartyPreferences, int, string?> show, Func<PartyPreferences, int, PartyPreferences, int, PartyPreferences> take)
    {
        var ids = a.Issues.Select(i => i.Id).Concat(b.Issues.Select(i => i.Id).Where(id => a.IssueIndex(id) < 0)).ToList();
        foreach (var id in ids)
        {
            var (ka, kb) = (a.IssueIndex(id), b.IssueIndex(id));
            var (wx, wy) = (ka >= 0 ? show(x, ka) : null, kb >= 0 ? show(y, kb) : null);
            if (wx == wy)
            {
                continue;
            }

            var kind = wx is null ? ChangeKind.Added : wy is null ? ChangeKind.Removed : ChangeKind.Changed;
            Add(kind, element, Join(path, id), wx, wy, s => prefs.Update(s, p => p.PartyId, x.PartyId, p =>
            {
                var k = s.IssueIndex(id);
                if (kind == ChangeKind.Removed || k < 0)
                {
                    throw new ChangeNotApplicableException(kind == ChangeKind.Removed
                        ? $"{path}.{id} goes only with issue {id} itself"
                        : $"issue {id} is not in the scenario");
                }

                return take(p, k, y, kb);
            }));
        }
    }
}
