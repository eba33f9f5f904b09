using Parley.Model;

namespace Parley.Scenarios;

internal sealed partial class ScenarioReader
{
    /// <summary>Above this many options the loader does not enumerate states to prove one is feasible.</summary>
    private const int FeasibilityCheckMaxOptions = 20;

    private ConflictSpec? ReadConflict(RawNode node, ValueList<Party> parties)
    {
        if (Mapping(node, "conflict (decision_makers, infeasible, exclusive, status_quo)") is not { } map)
        {
            return null;
        }

        _ = parties;
        CheckKeys(map, ["decision_makers", "infeasible", "exclusive", "at_least_one", "status_quo"], "conflict");
        var optionIds = new Dictionary<string, RawNode>(StringComparer.Ordinal);
        var dmNodes = new List<(RawMapping Map, string Id, string Name, ValueList<ConflictOption> Options)>();
        var dmIds = new HashSet<string>(StringComparer.Ordinal);
        if (map["decision_makers"] is not { } dmsNode)
        {
            Error(map, "conflict is missing 'decision_makers:' (each with id and options)");
            return null;
        }

        // First pass: options, so that preference statements may name any DM's options.
        foreach (var item in Items(dmsNode, "decision makers"))
        {
            if (Mapping(item, "a decision maker (id, options, preferences or ranking)") is not { } dm)
            {
                continue;
            }

            CheckKeys(dm, ["id", "name", "options", "preferences", "ranking", "misperceptions"], "decision maker");
            var id = RequiredId(dm, "decision maker", dmIds);
            var name = OptionalText(dm, "name") ?? id;
            var options = new List<ConflictOption>();
            if (dm["options"] is not { } opts)
            {
                Error(dm, $"decision maker '{id}' has no 'options:'");
            }
            else
            {
                foreach (var o in Items(opts, $"options of '{id}'"))
                {
                    if (ReadConflictOption(o) is { } option)
                    {
                        if (!optionIds.TryAdd(option.Id, o))
                        {
                            Error(o, $"duplicate conflict option id '{option.Id}'");
                            continue;
                        }

                        options.Add(option);
                    }
                }
            }

            dmNodes.Add((dm, id, name, options.ToValueList()));
        }

        var allOptions = dmNodes.SelectMany(d => d.Options).Select(o => o.Id).ToList();
        if (allOptions.Count == 0)
        {
            Error(dmsNode, "conflict has no options; each decision maker needs at least one");
            return null;
        }

        if (allOptions.Count > 62)
        {
            Error(dmsNode, $"conflict has {allOptions.Count} options; at most 62 are supported");
            return null;
        }

        var dms = new List<DecisionMaker>();
        foreach (var (dm, id, name, options) in dmNodes)
        {
            ValueList<Condition>? statements = null;
            ValueList<ValueList<string>>? ranking = null;
            if (dm["preferences"] is { } prefs)
            {
                statements = ConditionList(prefs, $"preference statement of '{id}'", allOptions);
            }

            if (dm["ranking"] is { } rank)
            {
                if (statements is not null)
                {
                    Error(rank, $"decision maker '{id}' has both 'preferences' and 'ranking'; give one");
                }

                ranking = ReadRanking(rank, id, allOptions.Count);
            }

            if (statements is null && ranking is null)
            {
                Error(dm, $"decision maker '{id}' needs 'preferences:' (prioritised statements) or 'ranking:' (states best first)");
            }

            var misperceptions = dm["misperceptions"] is { } mis
                ? ConditionList(mis, $"misperception of '{id}'", allOptions)
                : ValueList<Condition>.Empty;
            dms.Add(new DecisionMaker(id, name, options, new ConflictPreferences(statements, ranking), misperceptions));
        }

        var infeasible = map["infeasible"] is { } inf ? ConditionList(inf, "infeasible combination", allOptions) : ValueList<Condition>.Empty;
        var exclusive = OptionGroups(map["exclusive"], "mutually exclusive group", optionIds);
        var atLeastOne = OptionGroups(map["at_least_one"], "at-least-one group", optionIds);
        ValueList<string>? statusQuo = null;
        if (map["status_quo"] is { } sq)
        {
            statusQuo = ReadStatusQuo(sq, allOptions, optionIds);
        }

        var spec = new ConflictSpec(dms.ToValueList(), infeasible, exclusive, atLeastOne, statusQuo);
        CheckFeasibility(spec, map, allOptions, dmNodes.Where(d => d.Id.Length > 0).GroupBy(d => d.Id).ToDictionary(g => g.Key, g => (RawNode)g.First().Map, StringComparer.Ordinal));
        return spec;
    }

    private ConflictOption? ReadConflictOption(RawNode node)
    {
        if (node is RawScalar scalar)
        {
            CheckId(scalar, "conflict option");
            return new ConflictOption(scalar.Text, scalar.Text);
        }

        if (Mapping(node, "a conflict option (id, name, direction)") is not { } map)
        {
            return null;
        }

        CheckKeys(map, ["id", "name", "direction"], "conflict option");
        var id = RequiredText(map, "id", "conflict option");
        if (map["id"] is RawScalar idNode)
        {
            CheckId(idNode, "conflict option");
        }

        var direction = OptionDirection.Both;
        if (map["direction"] is { } d)
        {
            switch (Text(d).ToLowerInvariant())
            {
                case "both":
                    break;
                case "forward" or "fwd":
                    direction = OptionDirection.Forward;
                    break;
                case "backward" or "back":
                    direction = OptionDirection.Backward;
                    break;
                default:
                    Error(d, $"unknown direction '{Text(d)}'; expected both, forward (irreversible once taken) or backward");
                    break;
            }
        }

        return new ConflictOption(id, OptionalText(map, "name") ?? id, direction);
    }

    private ValueList<Condition> ConditionList(RawNode node, string what, List<string> allOptions)
    {
        var list = new List<Condition>();
        foreach (var item in Items(node, what + "s"))
        {
            if (ParseCondition(item, what) is not var (condition, sites))
            {
                continue;
            }

            var ok = true;
            foreach (var atom in condition.Atoms())
            {
                if (atom is IssueIn or IssueCompare)
                {
                    ErrorIn((RawScalar)item, sites.Of(atom), $"{what}: conflict conditions name options (e.g. \"escalate and not talk\"), not issue comparisons");
                    ok = false;
                }
                else if (atom is OptionTaken t && !allOptions.Contains(t.Option))
                {
                    ErrorIn((RawScalar)item, sites.Of(atom), $"{what}: unknown conflict option '{Truncate(t.Option)}'; options are {ListIds(allOptions)}");
                    ok = false;
                }
            }

            if (ok)
            {
                list.Add(condition);
            }
        }

        return list.ToValueList();
    }

    private ValueList<ValueList<string>> ReadRanking(RawNode node, string dmId, int optionCount)
    {
        var tiers = new List<ValueList<string>>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var tier in Items(node, $"ranking of '{dmId}'"))
        {
            var codes = new List<string>();
            foreach (var codeNode in ScalarOrList(tier))
            {
                if (codeNode is not RawScalar)
                {
                    Error(codeNode, $"ranking of '{dmId}': expected a state code such as YNNY, found {codeNode.Kind}");
                    continue;
                }

                var code = Text(codeNode).ToUpperInvariant();
                if (code.Length != optionCount || code.Any(ch => ch is not ('Y' or 'N')))
                {
                    Error(codeNode, $"ranking of '{dmId}': state '{Truncate(code)}' should be {optionCount} letters Y or N, one per option in declaration order");
                    continue;
                }

                if (!seen.Add(code))
                {
                    Error(codeNode, $"ranking of '{dmId}': state {code} appears twice");
                    continue;
                }

                codes.Add(code);
            }

            tiers.Add(codes.ToValueList());
        }

        return tiers.ToValueList();
    }

    private ValueList<ValueList<string>> OptionGroups(RawNode? node, string what, Dictionary<string, RawNode> optionIds)
    {
        var groups = new List<ValueList<string>>();
        if (node is null)
        {
            return groups.ToValueList();
        }

        foreach (var group in Items(node, what + "s"))
        {
            var ids = IdList(group, what, optionIds.ContainsKey, "conflict option");
            if (ScalarOrList(group).Count() < 2)
            {
                Error(group, $"a {what} needs at least two options");
            }

            groups.Add(ids);
        }

        return groups.ToValueList();
    }

    private ValueList<string> ReadStatusQuo(RawNode node, List<string> allOptions, Dictionary<string, RawNode> optionIds)
    {
        if (node is RawScalar { Text: var code } && code.Length == allOptions.Count && code.ToUpperInvariant().All(ch => ch is 'Y' or 'N')
            && !optionIds.ContainsKey(code))
        {
            return allOptions.Where((_, i) => char.ToUpperInvariant(code[i]) == 'Y').ToValueList();
        }

        return IdList(node, "status quo (the options taken)", optionIds.ContainsKey, "conflict option");
    }

    /// <summary>
    /// Enumerates the states (when there are few enough options) to check that some state is feasible,
    /// that the status quo is feasible, and that each ranking lists every feasible state.
    /// </summary>
    private void CheckFeasibility(ConflictSpec spec, RawMapping site, List<string> allOptions, Dictionary<string, RawNode> dmSites)
    {
        var n = allOptions.Count;
        if (n > FeasibilityCheckMaxOptions || HasErrors)
        {
            return;
        }

        var index = allOptions.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i, StringComparer.Ordinal);
        var infeasible = spec.Infeasible.Select(c => Compile(c, index)).ToList();
        var exclusive = spec.ExclusiveGroups.Select(g => Mask(g, index)).ToList();
        var atLeastOne = spec.AtLeastOneGroups.Select(g => Mask(g, index)).ToList();
        bool Feasible(long state) =>
            !infeasible.Any(f => f(state))
            && !exclusive.Any(m => long.PopCount(state & m) > 1)
            && !atLeastOne.Any(m => (state & m) == 0);

        var feasible = new List<long>();
        for (long state = 0; state < 1L << n; state++)
        {
            if (Feasible(state))
            {
                feasible.Add(state);
            }
        }

        if (feasible.Count == 0)
        {
            Error(site, "conflict has no feasible state: every combination of options is excluded by 'infeasible', 'exclusive' or 'at_least_one'");
            return;
        }

        if (spec.StatusQuo is { } sq && site["status_quo"] is { } sqNode && !Feasible(Mask(sq, index)))
        {
            Error(sqNode, $"status quo {Code(Mask(sq, index), n)} is infeasible (excluded by 'infeasible', 'exclusive' or 'at_least_one')");
        }

        foreach (var dm in spec.DecisionMakers)
        {
            if (dm.Preferences.Ranking is not { } ranking || !dmSites.TryGetValue(dm.Id, out var dmSite))
            {
                continue;
            }

            var ranked = ranking.SelectMany(t => t).ToHashSet(StringComparer.Ordinal);
            var missing = feasible.Select(st => Code(st, n)).Where(c => !ranked.Contains(c)).ToList();
            if (missing.Count > 0)
            {
                Warning(dmSite, $"ranking of '{dm.Id}' leaves out {missing.Count} feasible state{(missing.Count > 1 ? "s" : "")} ({ListIds(missing)}); {(missing.Count > 1 ? "they rank" : "it ranks")} below every listed state");
            }

            var feasibleCodes = feasible.Select(st => Code(st, n)).ToHashSet(StringComparer.Ordinal);
            var extra = ranked.Where(c => !feasibleCodes.Contains(c)).ToList();
            if (extra.Count > 0)
            {
                Warning(dmSite, $"ranking of '{dm.Id}' lists infeasible state{(extra.Count > 1 ? "s" : "")} {ListIds(extra)}; {(extra.Count > 1 ? "they are" : "it is")} ignored");
            }
        }
    }

    private static long Mask(IEnumerable<string> options, Dictionary<string, int> index) =>
        options.Aggregate(0L, (m, o) => m | (1L << index[o]));

    /// <summary>A state as a Y/N code, options in declaration order.</summary>
    private static string Code(long state, int n) => string.Create(n, state, (span, st) =>
    {
        for (var i = 0; i < span.Length; i++)
        {
            span[i] = ((st >> i) & 1) == 1 ? 'Y' : 'N';
        }
    });

    /// <summary>A condition over option atoms as a predicate on a state bit set (checked atoms only).</summary>
    private static Func<long, bool> Compile(Condition c, Dictionary<string, int> index)
    {
        switch (c)
        {
            case OptionTaken t:
                var bit = 1L << index[t.Option];
                return s => (s & bit) != 0;
            case Negation n:
                var inner = Compile(n.Operand, index);
                return s => !inner(s);
            case AllOf a:
                var all = a.Operands.Select(o => Compile(o, index)).ToArray();
                return s => all.All(f => f(s));
            case AnyOf o:
                var any = o.Operands.Select(x => Compile(x, index)).ToArray();
                return s => any.Any(f => f(s));
            case Implies i:
                var (p, q) = (Compile(i.If, index), Compile(i.Then, index));
                return s => !p(s) || q(s);
            case Iff i:
                var (l, r) = (Compile(i.Left, index), Compile(i.Right, index));
                return s => l(s) == r(s);
            default:
                return _ => false;
        }
    }
}
