using Parley.Model;
using W = Parley.Scenarios.Diff.ChangeWords;

namespace Parley.Scenarios.Diff;

internal sealed partial class ScenarioDiffer
{
    /// <summary>The simulation or forecast section, key by key; sequences of mappings with ids (forecast actors, dimensions) element by element.</summary>
    private void Raw(string path, ScenarioElement element, RawNode? x, RawNode? y, Func<Scenario, RawNode?> get, Func<Scenario, RawNode?, Scenario> set)
    {
        if (Equals(x, y))
        {
            return;
        }

        if (x is null || y is null)
        {
            Add(x is null ? ChangeKind.Added : ChangeKind.Removed, element, path, x is null ? null : W.Raw(x), y is null ? null : W.Raw(y), s => set(s, y));
            return;
        }

        RawNodes(path, element, [], x, y, get, set);
    }

    private void RawNodes(string path, ScenarioElement element, List<RawStep> steps, RawNode x, RawNode y, Func<Scenario, RawNode?> get, Func<Scenario, RawNode?, Scenario> set)
    {
        if (Equals(x, y))
        {
            return;
        }

        Scenario Put(Scenario s, List<RawStep> at, RawNode? value, IReadOnlyList<string>? before) =>
            set(s, RawEdit.Put(get(s) ?? throw new ChangeNotApplicableException($"the scenario has no {path.Split('.')[0]} section"), at, 0, value, before));

        var children = (x, y) switch
        {
            (RawMapping mx, RawMapping my) => (Old: Entries(mx), New: Entries(my), ById: false),
            (RawSequence sx, RawSequence sy) when RawEdit.Ids(sx) is { } ix && RawEdit.Ids(sy) is { } iy => (Old: ix, New: iy, ById: true),
            _ => default,
        };
        if (children.Old is null)
        {
            var target = steps.ToList();
            Add(ChangeKind.Changed, element, path, W.Raw(x), W.Raw(y), s => target.Count == 0 ? set(s, y) : Put(s, target, y, null));
            return;
        }

        foreach (var (key, node) in children.Old)
        {
            var step = steps.Append(new RawStep(key, children.ById)).ToList();
            var other = children.New.FirstOrDefault(c => c.Key == key).Node;
            if (other is null)
            {
                Add(ChangeKind.Removed, element, path + "." + key, W.Raw(node), null, s => Put(s, step, null, null));
            }
            else
            {
                RawNodes(path + "." + key, element, step, node, other, get, set);
            }
        }

        var oldKeys = children.Old.Select(c => c.Key).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < children.New.Count; i++)
        {
            var (key, node) = children.New[i];
            if (oldKeys.Contains(key))
            {
                continue;
            }

            var step = steps.Append(new RawStep(key, children.ById)).ToList();
            var before = children.New.Take(i).Select(c => c.Key).ToList();
            Add(ChangeKind.Added, element, path + "." + key, null, W.Raw(node), s => Put(s, step, node, before));
        }

    }

    private static List<(string Key, RawNode Node)> Entries(RawMapping m) => [.. m.Entries.Select(e => (e.Key, e.Value))];
}
