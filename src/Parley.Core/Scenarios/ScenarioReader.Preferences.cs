using Parley.Model;

namespace Parley.Scenarios;

internal sealed partial class ScenarioReader
{
    private readonly HashSet<string> _redLineIds = new(StringComparer.Ordinal);

    private ValueList<PartyPreferences> ReadPreferences(RawNode? node, ValueList<Party> parties, ValueList<Issue> issues, ScoreScale scale)
    {
        if (node is null)
        {
            return ValueList<PartyPreferences>.Empty;
        }

        if (Mapping(node, "preferences (one entry per party id)") is not { } map)
        {
            return ValueList<PartyPreferences>.Empty;
        }

        var byParty = new Dictionary<string, PartyPreferences>(StringComparer.Ordinal);
        foreach (var (key, value) in map.KeyedEntries)
        {
            if (parties.All(p => p.Id != key.Text))
            {
                Error(key, $"preferences for unknown party '{Truncate(key.Text)}'; parties are {ListIds(parties.Select(p => p.Id))}");
                continue;
            }

            if (ReadPartyPreferences(key.Text, value, issues, scale) is { } prefs)
            {
                byParty[key.Text] = prefs;
            }
        }

        // Party order, not file order, so that equal scenarios compare equal.
        return parties.Where(p => byParty.ContainsKey(p.Id)).Select(p => byParty[p.Id]).ToValueList();
    }

    private PartyPreferences? ReadPartyPreferences(string partyId, RawNode node, ValueList<Issue> issues, ScoreScale scale)
    {
        if (Mapping(node, $"preferences of '{partyId}' (weights, scores, reservation, red_lines)") is not { } map)
        {
            return null;
        }

        CheckKeys(map, ["weights", "scores", "reservation", "red_lines"], $"preferences of '{partyId}'");
        var weights = ReadWeights(map, partyId, issues);
        var scores = ReadScores(map, partyId, issues, scale, weights);
        var reservation = 0.0;
        if (map["reservation"] is { } r)
        {
            reservation = Number(r);
            if (!scale.Contains(reservation))
            {
                Error(r, $"reservation value {Format(reservation)} of '{partyId}' is outside the scale [{Format(scale.Min)}, {Format(scale.Max)}]");
            }
        }
        else
        {
            reservation = scale.Min;
        }

        var redLines = new List<RedLine>();
        if (map["red_lines"] is { } rl)
        {
            foreach (var item in Items(rl, $"red lines of '{partyId}'"))
            {
                if (ReadRedLine(item, partyId, issues) is { } line)
                {
                    redLines.Add(line);
                }
            }
        }

        return new PartyPreferences(partyId, weights, scores, reservation, redLines.ToValueList());
    }

    private ValueList<double> ReadWeights(RawMapping map, string partyId, ValueList<Issue> issues)
    {
        var weights = new double[issues.Count];
        if (map["weights"] is not { } node)
        {
            Error(map, $"preferences of '{partyId}' are missing 'weights:' (one weight per issue)");
            return weights.ToValueList();
        }

        if (Mapping(node, $"weights of '{partyId}' (issue: weight)") is not { } wmap)
        {
            return weights.ToValueList();
        }

        var given = new bool[issues.Count];
        foreach (var (key, value) in wmap.KeyedEntries)
        {
            var k = IndexOfIssue(issues, key.Text);
            if (k < 0)
            {
                Error(key, $"weight for unknown issue '{Truncate(key.Text)}'; issues are {ListIds(issues.Select(i => i.Id))}");
                continue;
            }

            var w = Number(value);
            if (w < 0)
            {
                Error(value, $"negative weight {Format(w)} for issue '{key.Text}' of '{partyId}'; weights must be ≥ 0");
            }

            weights[k] = w;
            given[k] = true;
        }

        for (var k = 0; k < issues.Count; k++)
        {
            if (!given[k])
            {
                Error(node, $"'{partyId}' gives no weight for issue '{issues[k].Id}' (write 0 if it does not care)");
            }
        }

        if (issues.Count > 0 && weights.All(w => w == 0) && given.All(g => g))
        {
            Error(node, $"all weights of '{partyId}' are zero; at least one must be positive");
        }

        return weights.ToValueList();
    }

    private ValueList<IssueScores> ReadScores(RawMapping map, string partyId, ValueList<Issue> issues, ScoreScale scale, ValueList<double> weights)
    {
        var scores = new IssueScores?[issues.Count];
        var node = map["scores"];
        if (node is null)
        {
            Error(map, $"preferences of '{partyId}' are missing 'scores:' (per issue, a score per option)");
        }
        else if (Mapping(node, $"scores of '{partyId}' (issue: scores)") is { } smap)
        {
            foreach (var (key, value) in smap.KeyedEntries)
            {
                var k = IndexOfIssue(issues, key.Text);
                if (k < 0)
                {
                    Error(key, $"scores for unknown issue '{Truncate(key.Text)}'; issues are {ListIds(issues.Select(i => i.Id))}");
                    continue;
                }

                scores[k] = ReadIssueScores(value, partyId, issues[k], scale);
            }
        }

        for (var k = 0; k < issues.Count; k++)
        {
            if (scores[k] is null)
            {
                if (node is not null && weights[k] > 0)
                {
                    Error(node, $"'{partyId}' gives no scores for issue '{issues[k].Id}', which it weighs {Format(weights[k])}");
                }

                scores[k] = new IssueScores(new double[issues[k].Options.Count].ToValueList());
            }
        }

        return scores.Select(s => s!).ToValueList();
    }

    private IssueScores ReadIssueScores(RawNode node, string partyId, Issue issue, ScoreScale scale)
    {
        var values = new double[issue.Options.Count];
        var given = new bool[issue.Options.Count];
        var what = $"score of '{partyId}'";
        if (issue.Options.Count == 0)
        {
            // The issue itself is broken and already reported; checking scores against it would only add noise.
            return new IssueScores(values.ToValueList());
        }

        switch (node)
        {
            case RawSequence seq:
                // Compact form: one score per option in option order.
                if (seq.Items.Count != issue.Options.Count)
                {
                    Error(node, $"'{partyId}' gives {seq.Items.Count} scores for issue '{issue.Id}', which has {issue.Options.Count} options ({ListIds(issue.Options.Select(o => o.Id))})");
                }

                for (var o = 0; o < Math.Min(seq.Items.Count, values.Length); o++)
                {
                    values[o] = Score(seq.Items[o], what, issue.Options[o].Id, scale);
                    given[o] = true;
                }

                break;
            case RawMapping smap when smap["function"] is { } function:
                CheckKeys(smap, ["function"], $"scores of '{partyId}' for '{issue.Id}'");
                return ReadValueFunction(function, partyId, issue, scale);
            case RawMapping smap:
                foreach (var (key, value) in smap.KeyedEntries)
                {
                    // On a numeric issue the key may be the number itself (40: 80) as well as the option id (price40: 80).
                    var o = ResolveOption(issue, key.Text) is { } optionId ? issue.OptionIndex(optionId) : -1;
                    if (o < 0)
                    {
                        Error(key, $"unknown option '{Truncate(key.Text)}' of issue '{issue.Id}'; its options are {ListIds(issue.Options.Select(x => x.Id))}");
                        continue;
                    }

                    if (given[o])
                    {
                        Error(key, $"option '{issue.Options[o].Id}' of issue '{issue.Id}' is scored twice");
                        continue;
                    }

                    values[o] = Score(value, what, key.Text, scale);
                    given[o] = true;
                }

                break;
            default:
                Error(node, $"expected the scores of '{partyId}' for '{issue.Id}' as a list (one per option), a mapping (option: score) or function: [[x, score], …]");
                return new IssueScores(values.ToValueList());
        }

        var missing = issue.Options.Where((_, o) => !given[o]).Select(x => x.Id).ToList();
        if (missing.Count > 0 && node is RawMapping)
        {
            Error(node, $"'{partyId}' gives no score for option{(missing.Count > 1 ? "s" : "")} {ListIds(missing)} of issue '{issue.Id}'");
        }

        return new IssueScores(values.ToValueList());
    }

    private double Score(RawNode node, string what, string optionId, ScoreScale scale)
    {
        var s = Number(node);
        if (!scale.Contains(s))
        {
            Error(node, $"{what} for '{optionId}' is {Format(s)}, outside the scale [{Format(scale.Min)}, {Format(scale.Max)}]");
        }

        return s;
    }

    private IssueScores ReadValueFunction(RawNode node, string partyId, Issue issue, ScoreScale scale)
    {
        var values = new double[issue.Options.Count];
        if (issue.Numeric is null)
        {
            Error(node, $"a value function needs a numeric issue; '{issue.Id}' has discrete options (give a score per option)");
            return new IssueScores(values.ToValueList());
        }

        var points = new List<ValuePoint>();
        foreach (var item in Items(node, "value-function breakpoints [x, score]"))
        {
            if (item is RawSequence { Items.Count: 2 } pair)
            {
                var x = Number(pair.Items[0]);
                var s = Score(pair.Items[1], $"value function of '{partyId}'", $"{issue.Id}={Format(x)}", scale);
                if (points.Count > 0 && x <= points[^1].X)
                {
                    Error(pair.Items[0], $"value-function breakpoints must have strictly increasing x; {Format(x)} follows {Format(points[^1].X)}");
                    continue;
                }

                points.Add(new ValuePoint(x, s));
            }
            else
            {
                Error(item, "expected a breakpoint as [x, score]");
            }
        }

        if (points.Count < 2)
        {
            Error(node, $"a value function needs at least two breakpoints [x, score]; found {points.Count}");
            return new IssueScores(values.ToValueList(), points.ToValueList());
        }

        if (points[0].X > issue.Numeric.Min || points[^1].X < issue.Numeric.Max)
        {
            Error(node, $"value function of '{partyId}' covers [{Format(points[0].X)}, {Format(points[^1].X)}] but issue '{issue.Id}' ranges over [{Format(issue.Numeric.Min)}, {Format(issue.Numeric.Max)}]");
            return new IssueScores(values.ToValueList(), points.ToValueList());
        }

        for (var o = 0; o < values.Length; o++)
        {
            values[o] = Interpolate(points, issue.Options[o].Value ?? 0);
        }

        return new IssueScores(values.ToValueList(), points.ToValueList());
    }

    /// <summary>Piecewise-linear interpolation between breakpoints (x ascending, covering <paramref name="x"/>).</summary>
    internal static double Interpolate(IReadOnlyList<ValuePoint> points, double x)
    {
        for (var i = 1; i < points.Count; i++)
        {
            if (x <= points[i].X)
            {
                var (a, b) = (points[i - 1], points[i]);
                return a.Score + ((b.Score - a.Score) * (x - a.X) / (b.X - a.X));
            }
        }

        return points[^1].Score;
    }

    private RedLine? ReadRedLine(RawNode node, string partyId, ValueList<Issue> issues)
    {
        if (Mapping(node, "a red line (id, rule, note)") is not { } map)
        {
            return null;
        }

        CheckKeys(map, ["id", "rule", "note"], "red line");
        var id = RequiredText(map, "id", "red line");
        if (map["id"] is RawScalar idNode && id.Length > 0)
        {
            CheckId(idNode, "red line");
            if (!_redLineIds.Add(id))
            {
                Error(idNode, $"duplicate red line id '{id}' (red line ids are unique across all parties)");
            }
        }

        var note = OptionalText(map, "note") ?? "";
        if (map["rule"] is not { } ruleNode)
        {
            Error(map, $"red line '{id}' of '{partyId}' is missing 'rule:' (e.g. \"T in [T1, T2]\")");
            return null;
        }

        if (ParseCondition(ruleNode, $"red line '{id}'") is not var (rule, sites))
        {
            return null;
        }

        return ResolveIssueAtoms(rule, sites, (RawScalar)ruleNode, issues, $"red line '{id}'") is { } resolved ? new RedLine(id, resolved, note) : null;
    }

    /// <summary>
    /// Checks that every atom names an issue and options of it, reporting each problem at the atom's
    /// column, and resolves numeric values (<c>price == 40</c>) and comparisons (<c>price &gt;= 40</c>)
    /// into option ids. Returns null when any atom is wrong.
    /// </summary>
    private Condition? ResolveIssueAtoms(Condition rule, ConditionSites sites, RawScalar site, ValueList<Issue> issues, string what)
    {
        var ok = true;
        Condition Resolve(Condition c)
        {
            switch (c)
            {
                case OptionTaken taken:
                    var owner = issues.FirstOrDefault(i => i.OptionIndex(taken.Option) >= 0);
                    ErrorIn(site, sites.Of(c), owner is not null
                        ? $"{what}: '{taken.Option}' alone is not a condition; write '{owner.Id} == {taken.Option}'"
                        : $"{what}: unknown issue or option '{Truncate(taken.Option)}' (an issue condition reads like \"T in [T1, T2]\" or \"G != G5\")");
                    ok = false;
                    return c;
                case IssueIn atom:
                    if (FindIssue(atom.Issue, sites.Of(c)) is not { } issue)
                    {
                        return c;
                    }

                    var options = new List<string>();
                    for (var i = 0; i < atom.Options.Count; i++)
                    {
                        if (ResolveOption(issue, atom.Options[i]) is { } optionId)
                        {
                            options.Add(optionId);
                        }
                        else
                        {
                            ErrorIn(site, sites.OfOption(c, i), issue.Numeric is { } n
                                ? $"{what}: {Truncate(atom.Options[i])} is not a value of numeric issue '{issue.Id}' ({Format(n.Min)} to {Format(n.Max)} in steps of {Format(n.Step)})"
                                : $"{what}: unknown option '{Truncate(atom.Options[i])}' of issue '{issue.Id}'; its options are {ListIds(issue.Options.Select(o => o.Id))}");
                            ok = false;
                        }
                    }

                    return atom with { Options = options.ToValueList() };
                case IssueCompare compare:
                    if (FindIssue(compare.Issue, sites.Of(c)) is not { } numeric)
                    {
                        return c;
                    }

                    if (numeric.Numeric is null)
                    {
                        ErrorIn(site, sites.Of(c), $"{what}: '{compare.Symbol}' compares numbers, but issue '{numeric.Id}' has discrete options; use 'in [..]' or '=='");
                        ok = false;
                        return c;
                    }

                    var matching = numeric.Options.Where(o => compare.Holds(o.Value ?? double.NaN)).Select(o => o.Id).ToValueList();
                    if (matching.Count == 0)
                    {
                        ErrorIn(site, sites.Of(c), $"{what}: no value of '{numeric.Id}' ({Format(numeric.Numeric.Min)} to {Format(numeric.Numeric.Max)}) satisfies '{compare}'");
                        ok = false;
                        return c;
                    }

                    return new IssueIn(numeric.Id, matching);
                case Negation n:
                    return new Negation(Resolve(n.Operand));
                case AllOf a:
                    return new AllOf(a.Operands.Select(Resolve).ToValueList());
                case AnyOf o:
                    return new AnyOf(o.Operands.Select(Resolve).ToValueList());
                case Implies i:
                    return new Implies(Resolve(i.If), Resolve(i.Then));
                case Iff i:
                    return new Iff(Resolve(i.Left), Resolve(i.Right));
                default:
                    return c;
            }
        }

        Issue? FindIssue(string issueId, int offset)
        {
            if (issues.FirstOrDefault(i => i.Id == issueId) is { } issue)
            {
                if (issue.Options.Count == 0)
                {
                    ok = false; // a broken issue, already reported
                    return null;
                }

                return issue;
            }

            ErrorIn(site, offset, $"{what}: unknown issue '{Truncate(issueId)}'; issues are {ListIds(issues.Select(i => i.Id))}");
            ok = false;
            return null;
        }

        var resolved = Resolve(rule);
        return ok ? resolved : null;
    }

    /// <summary>The option id for an option id or, on a numeric issue, a number equal to one of its values; else null.</summary>
    private static string? ResolveOption(Issue issue, string text)
    {
        if (issue.OptionIndex(text) >= 0)
        {
            return text;
        }

        if (issue.Numeric is not null
            && double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var v))
        {
            var tolerance = 1e-9 * Math.Max(1, Math.Abs(v));
            return issue.Options.FirstOrDefault(o => o.Value is { } x && Math.Abs(x - v) <= tolerance)?.Id;
        }

        return null;
    }

    private static int IndexOfIssue(ValueList<Issue> issues, string id)
    {
        for (var k = 0; k < issues.Count; k++)
        {
            if (issues[k].Id == id)
            {
                return k;
            }
        }

        return -1;
    }
}
