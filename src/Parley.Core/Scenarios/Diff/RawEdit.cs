using Parley.Model;

namespace Parley.Scenarios.Diff;

/// <summary>Edits raw YAML trees (the simulation and forecast sections) at a path.</summary>
internal static class RawEdit
{
    /// <summary>The ids of a sequence whose items are all mappings with a distinct scalar <c>id</c>, with the items; else null.</summary>
    public static List<(string Key, RawNode Node)>? Ids(RawSequence sequence)
    {
        var items = new List<(string, RawNode)>();
        foreach (var item in sequence.Items)
        {
            if (item is not RawMapping m || m["id"] is not RawScalar id)
            {
                return null;
            }

            items.Add((id.Text, item));
        }

        return items.Select(i => i.Item1).Distinct(StringComparer.Ordinal).Count() == items.Count && items.Count > 0 ? items : null;
    }

    /// <summary>
    /// <paramref name="root"/> with the node at <paramref name="steps"/> replaced by <paramref name="value"/> (removed when null;
    /// when absent, inserted after the last of <paramref name="before"/> present, else first).
    /// </summary>
    public static RawNode Put(RawNode root, IReadOnlyList<RawStep> steps, int i, RawNode? value, IReadOnlyList<string>? before)
    {
        var step = steps[i];
        var entries = root switch
        {
            RawMapping m when !step.ById => m.Entries.Select(e => (e.Key, Node: e.Value)).ToList(),
            RawSequence q when step.ById && Ids(q) is { } ids => ids,
            _ => throw new ChangeNotApplicableException($"{step.Name}: the section has a different shape here"),
        };
        var at = entries.FindIndex(e => e.Key == step.Name);
        if (i < steps.Count - 1)
        {
            if (at < 0)
            {
                throw new ChangeNotApplicableException($"{step.Name} is not in the section");
            }

            entries[at] = (step.Name, Put(entries[at].Node, steps, i + 1, value, before));
        }
        else if (value is null)
        {
            if (at < 0)
            {
                throw new ChangeNotApplicableException($"{step.Name} is not in the section");
            }

            entries.RemoveAt(at);
        }
        else if (at >= 0)
        {
            entries[at] = (step.Name, value);
        }
        else
        {
            var after = (before ?? []).Select(k => entries.FindIndex(e => e.Key == k)).Where(k => k >= 0).DefaultIfEmpty(-1).Max();
            entries.Insert(after + 1, (step.Name, value));
        }

        return root is RawMapping
            ? new RawMapping(entries.Select(e => new KeyValuePair<string, RawNode>(e.Key, e.Node)).ToValueList()) { Span = root.Span }
            : new RawSequence(entries.Select(e => e.Node).ToValueList()) { Span = root.Span };
    }
}
