using Parley.Model;

namespace Parley.Scenarios.Diff;

/// <summary>Reads and rewrites one list inside a scenario (parties, a party's red lines, a stage list…), so a change can be replayed on another version.</summary>
/// <param name="What">The list in words, for "not applicable" messages.</param>
/// <param name="Get">The list, or null when its owner is absent from the scenario.</param>
/// <param name="Set">The scenario with the list replaced.</param>
internal sealed record ListLens<T>(string What, Func<Scenario, ValueList<T>?> Get, Func<Scenario, ValueList<T>, Scenario> Set)
    where T : class
{
    public ValueList<T> Require(Scenario s) => Get(s) ?? throw new ChangeNotApplicableException($"{What} is not in the scenario");

    /// <summary>The list held by the element <paramref name="key"/> of this list.</summary>
    public ListLens<TChild> Child<TChild>(Func<T, string> keyOf, string key, Func<T, ValueList<TChild>> get, Func<T, ValueList<TChild>, T> set, string what)
        where TChild : class =>
        new(what,
            s => Get(s)?.FirstOrDefault(p => keyOf(p) == key) is { } parent ? get(parent) : null,
            (s, list) => Update(s, keyOf, key, parent => set(parent, list)));

    /// <summary>The scenario with element <paramref name="key"/> rewritten.</summary>
    public Scenario Update(Scenario s, Func<T, string> keyOf, string key, Func<T, T> edit)
    {
        var list = Require(s);
        if (!list.Any(e => keyOf(e) == key))
        {
            throw new ChangeNotApplicableException($"{key} is not in {What}");
        }

        return Set(s, list.Select(e => keyOf(e) == key ? edit(e) : e).ToValueList());
    }

    public Scenario Remove(Scenario s, Func<T, string> keyOf, string key)
    {
        var list = Require(s);
        if (!list.Any(e => keyOf(e) == key))
        {
            throw new ChangeNotApplicableException($"{key} is not in {What}");
        }

        return Set(s, list.Where(e => keyOf(e) != key).ToValueList());
    }

    /// <summary>Inserts <paramref name="item"/> after the last of <paramref name="before"/> (its predecessors in the newer version) that the list holds; first when none.</summary>
    public Scenario Insert(Scenario s, Func<T, string> keyOf, T item, IReadOnlyList<string> before)
    {
        var list = Require(s).ToList();
        if (list.Any(e => keyOf(e) == keyOf(item)))
        {
            throw new ChangeNotApplicableException($"{keyOf(item)} is already in {What}");
        }

        var at = 0;
        for (var i = before.Count - 1; i >= 0; i--)
        {
            var found = list.FindIndex(e => keyOf(e) == before[i]);
            if (found >= 0)
            {
                at = found + 1;
                break;
            }
        }

        list.Insert(at, item);
        return Set(s, list.ToValueList());
    }
}
