using System.Globalization;
using Parley.Model;
using Parley.Scenarios;

namespace Parley.Core.Tests.Scenarios;

/// <summary>
/// Builds random <b>valid</b> scenarios (every construct of format v1) from a seed, for round-trip
/// properties. Deterministic: the same seed gives the same scenario.
/// </summary>
internal sealed class ScenarioGenerator(int seed)
{
    // Characters that stress YAML quoting: indicators, quotes, '#', ': ', unicode, tabs and newlines.
    private const string TextChars = "abcXYZ019 -_.,:;#'\"[]{}&*!|>%@`?~=+/\\\té中ü\n";

    private readonly Random _rng = new(seed);

    public Scenario Next()
    {
        var scale = Pick(new ScoreScale(0, 100), new ScoreScale(0, 1), new ScoreScale(-10, 10), new ScoreScale(1, 7));
        var parties = Enumerable.Range(0, _rng.Next(1, 6)).Select(NextParty).ToValueList();
        var issues = Enumerable.Range(0, _rng.Next(0, 5)).Select(NextIssue).ToValueList();
        var redLineCount = 0;
        var preferences = parties.Where(_ => _rng.Next(3) > 0)
            .Select(p => NextPreferences(p.Id, issues, scale, ref redLineCount))
            .ToValueList();
        var conflict = _rng.Next(2) == 0 ? NextConflict() : null;
        var process = _rng.Next(2) == 0 ? NextProcess(parties, issues) : null;
        return new Scenario(
            Id("sc", _rng.Next(1000)),
            Text(1),
            _rng.Next(2) == 0 ? "" : Text(1),
            scale,
            parties,
            issues,
            preferences,
            conflict,
            process,
            // simulation: and forecast: are typed and validated by their lenses; their round trips are tested there.
            null,
            null);
    }

    /// <summary>A random condition over the given issues' options (red-line form).</summary>
    public Condition NextIssueCondition(IReadOnlyList<Issue> issues, int depth = 0)
    {
        if (depth >= 3 || _rng.Next(3) == 0)
        {
            var issue = issues[_rng.Next(issues.Count)];
            var options = Subset(issue.Options.Select(o => o.Id).ToList(), 1);
            return new IssueIn(issue.Id, options.ToValueList(), _rng.Next(2) == 0);
        }

        return Combine(() => NextIssueCondition(issues, depth + 1));
    }

    /// <summary>A random condition over conflict options.</summary>
    public Condition NextOptionCondition(IReadOnlyList<string> options, int depth = 0) =>
        depth >= 3 || _rng.Next(3) == 0
            ? new OptionTaken(options[_rng.Next(options.Count)])
            : Combine(() => NextOptionCondition(options, depth + 1));

    private Condition Combine(Func<Condition> next) => _rng.Next(5) switch
    {
        0 => new Negation(next()),
        1 => new AllOf(Enumerable.Range(0, _rng.Next(2, 4)).Select(_ => next()).ToValueList()),
        2 => new AnyOf(Enumerable.Range(0, _rng.Next(2, 4)).Select(_ => next()).ToValueList()),
        3 => new Implies(next(), next()),
        _ => new Iff(next(), next()),
    };

    private Party NextParty(int index)
    {
        var roles = Subset(Enum.GetValues<PartyRole>().ToList(), 0).ToValueList();
        var negotiators = Enumerable.Range(0, _rng.Next(0, 3)).Select(_ => Text(0)).ToValueList();
        return new Party(Id("P", index), Text(0), roles, negotiators, _rng.Next(4) == 0);
    }

    private Issue NextIssue(int index)
    {
        var id = Id("i", index) + "q";
        if (_rng.Next(2) == 0)
        {
            var options = Enumerable.Range(0, _rng.Next(1, 6)).Select(j => new IssueOption($"o{index}_{j}", Text(0))).ToValueList();
            return new Issue(id, Text(1), options);
        }

        // Same expansion as the loader: min + i·step rounded to 10 decimals, ids issue id + number.
        var min = Math.Round(_rng.Next(-50, 51) * Pick(1.0, 0.5, 0.1), 10);
        var step = Pick(1.0, 2.5, 0.5, 10.0, 0.1);
        var count = _rng.Next(1, 13);
        var max = Math.Round(min + ((count - 1) * step), 10);
        var unit = Pick("", "EUR", "% p.a.", "days");
        var values = Enumerable.Range(0, count).Select(i => Math.Round(min + (i * step), 10)).ToList();
        var opts = values.Select(v => new IssueOption(id + F(v), F(v) + (unit.Length > 0 ? " " + unit : ""), v)).ToValueList();
        return new Issue(id, Text(1), opts, new NumericRange(min, max, step, unit));
    }

    private PartyPreferences NextPreferences(string partyId, ValueList<Issue> issues, ScoreScale scale, ref int redLineCount)
    {
        var weights = issues.Select(_ => _rng.Next(4) == 0 ? 0 : Number(0, 100)).ToArray();
        if (weights.Length > 0 && weights.All(w => w == 0))
        {
            weights[_rng.Next(weights.Length)] = 1;
        }

        var scores = issues.Select(issue => NextScores(issue, scale)).ToValueList();
        var redLines = new List<RedLine>();
        for (var r = issues.Count == 0 ? 0 : _rng.Next(0, 4); r > 0; r--)
        {
            redLines.Add(new RedLine($"rl{redLineCount++}", NextIssueCondition(issues), _rng.Next(2) == 0 ? "" : Text(1)));
        }

        return new PartyPreferences(partyId, weights.ToValueList(), scores, Number(scale.Min, scale.Max), redLines.ToValueList());
    }

    private IssueScores NextScores(Issue issue, ScoreScale scale)
    {
        if (issue.Numeric is { } n && _rng.Next(2) == 0)
        {
            // A value function whose breakpoints cover [min, max] (the loader interpolates the option scores).
            var xs = new List<double> { n.Min - _rng.Next(0, 3) };
            for (var k = _rng.Next(0, 3); k > 0; k--)
            {
                xs.Add(xs[^1] + 0.5 + _rng.Next(0, 20));
            }

            xs.Add(Math.Max(xs[^1] + 1, n.Max + _rng.Next(0, 3)));
            var points = xs.Select(x => new ValuePoint(x, Number(scale.Min, scale.Max))).ToValueList();
            var values = issue.Options.Select(o => ScenarioReaderInterpolate(points, o.Value!.Value)).ToValueList();
            return new IssueScores(values, points);
        }

        return new IssueScores(issue.Options.Select(_ => Number(scale.Min, scale.Max)).ToValueList());
    }

    private static double ScenarioReaderInterpolate(IReadOnlyList<ValuePoint> points, double x) => ScenarioReader.Interpolate(points, x);

    private ConflictSpec NextConflict()
    {
        var dms = new List<DecisionMaker>();
        var all = new List<string>();
        var dmCount = _rng.Next(1, 4);
        var optionLists = new List<ValueList<ConflictOption>>();
        for (var d = 0; d < dmCount; d++)
        {
            var options = Enumerable.Range(0, _rng.Next(1, 4))
                .Select(j => new ConflictOption($"c{d}_{j}", Text(0), Pick(OptionDirection.Both, OptionDirection.Forward, OptionDirection.Backward)))
                .ToValueList();
            all.AddRange(options.Select(o => o.Id));
            optionLists.Add(options);
        }

        for (var d = 0; d < dmCount; d++)
        {
            ConflictPreferences prefs;
            if (_rng.Next(2) == 0)
            {
                prefs = new ConflictPreferences(Enumerable.Range(0, _rng.Next(1, 5)).Select(_ => NextOptionCondition(all)).ToValueList(), null);
            }
            else
            {
                // Distinct state codes split into tiers (ties within a tier).
                var codes = Subset(Enumerable.Range(0, 1 << all.Count).Select(s => Code(s, all.Count)).ToList(), 1);
                var tiers = new List<ValueList<string>>();
                for (var i = 0; i < codes.Count;)
                {
                    var size = _rng.Next(1, 4);
                    tiers.Add(codes.Skip(i).Take(size).ToValueList());
                    i += size;
                }

                prefs = new ConflictPreferences(null, tiers.ToValueList());
            }

            var misperceptions = Enumerable.Range(0, _rng.Next(0, 2)).Select(_ => NextOptionCondition(all)).ToValueList();
            dms.Add(new DecisionMaker(Id("D", d), Text(0), optionLists[d], prefs, misperceptions));
        }

        // Feasibility by construction: infeasible combinations are conjunctions of two or more taken
        // options, so the state with at most one option taken (the first of an at-least-one group) is feasible.
        var infeasible = all.Count < 2 ? ValueList<Condition>.Empty : Enumerable.Range(0, _rng.Next(0, 3))
            .Select(_ => (Condition)new AllOf(Subset(all, 2).Select(o => (Condition)new OptionTaken(o)).ToValueList()))
            .ToValueList();
        var exclusive = all.Count < 2 ? ValueList<ValueList<string>>.Empty
            : Enumerable.Range(0, _rng.Next(0, 2)).Select(_ => Subset(all, 2).ToValueList()).ToValueList();
        var atLeastOne = all.Count < 2 ? ValueList<ValueList<string>>.Empty
            : Enumerable.Range(0, _rng.Next(0, 2)).Select(_ => Subset(all, 2).ToValueList()).ToValueList();
        ValueList<string>? statusQuo = _rng.Next(3) switch
        {
            0 => null,
            _ when atLeastOne.Count > 0 => ValueList.Of(atLeastOne[0][0]),
            1 => ValueList<string>.Empty,
            _ => ValueList.Of(all[_rng.Next(all.Count)]),
        };
        return new ConflictSpec(dms.ToValueList(), infeasible, exclusive, atLeastOne, statusQuo);
    }

    private ProcessSpec NextProcess(ValueList<Party> parties, ValueList<Issue> issues)
    {
        var partyIds = parties.Select(p => p.Id).ToList();
        var stages = new List<Stage>();
        for (var s = _rng.Next(0, 5); stages.Count < s;)
        {
            // 'after' names earlier stages only, so the dependencies are acyclic.
            stages.Add(new Stage(
                Id("S", stages.Count),
                Text(0),
                Subset(partyIds, 0).ToValueList(),
                Subset(stages.Select(x => x.Id).ToList(), 0).ToValueList(),
                Subset(issues.Select(i => i.Id).ToList(), 0).ToValueList(),
                _rng.Next(2) == 0 ? "" : Text(0),
                Pick(Enum.GetValues<StageStatus>())));
        }

        var mediator = _rng.Next(2) == 0 ? partyIds[_rng.Next(partyIds.Count)] : null;
        var enters = mediator is not null && stages.Count > 0 && _rng.Next(2) == 0 ? stages[_rng.Next(stages.Count)].Id : null;
        var venues = Enumerable.Range(0, _rng.Next(0, 4)).Select(v =>
        {
            var split = Subset(partyIds, 0);
            var cut = _rng.Next(split.Count + 1);
            return new Venue(Id("V", v), Text(0), split.Take(cut).ToValueList(), split.Skip(cut).ToValueList());
        }).ToValueList();
        var deadlines = Enumerable.Range(0, _rng.Next(0, 4)).Select(d => new Deadline(
            Id("DL", d),
            Text(0),
            DateOnly.FromDayNumber(_rng.Next(730_000, 740_000)),
            stages.Count > 0 && _rng.Next(2) == 0 ? stages[_rng.Next(stages.Count)].Id : null,
            _rng.Next(2) == 0 ? partyIds[_rng.Next(partyIds.Count)] : null,
            Pick(Enum.GetValues<DeadlineConsequence>()),
            _rng.Next(2) == 0 ? "" : Text(0))).ToValueList();
        var visibility = Enum.GetValues<Visibility>();
        var confidentiality = new Confidentiality(Pick(visibility), Pick(visibility), Pick(visibility), Pick(visibility));
        return new ProcessSpec(mediator, enters, stages.ToValueList(), venues, deadlines, confidentiality);
    }

    private static string Code(int state, int n) => new([.. Enumerable.Range(0, n).Select(i => ((state >> i) & 1) == 1 ? 'Y' : 'N')]);

    private string Id(string prefix, int index) => prefix + Pick("", "a", "Zz", "x.y", "k-", "é") + index;

    /// <summary>Random text; <paramref name="minLength"/> 0 allows the empty string.</summary>
    private string Text(int minLength)
    {
        if (_rng.Next(5) == 0)
        {
            return Pick("null", "~", "true", "1", "2025-01-01", " lead", "trail ", "a: b", "- x", "# c", "'q'", "[x]", "yes", "line\nline", "end\n")
                + (minLength > 0 ? "" : "");
        }

        var length = _rng.Next(minLength, 12);
        return new string([.. Enumerable.Range(0, length).Select(_ => TextChars[_rng.Next(TextChars.Length)])]);
    }

    private double Number(double min, double max)
    {
        var x = min + (_rng.NextDouble() * (max - min));
        return _rng.Next(3) switch
        {
            0 => Math.Round(x),
            1 => Math.Clamp(Math.Round(x, 2), min, max),
            _ => x,
        };
    }

    private List<T> Subset<T>(List<T> items, int min)
    {
        var chosen = items.Where(_ => _rng.Next(2) == 0).ToList();
        foreach (var item in items)
        {
            if (chosen.Count >= min)
            {
                break;
            }

            if (!chosen.Contains(item))
            {
                chosen.Add(item);
            }
        }

        return chosen.Count >= min ? [.. chosen.OrderBy(_ => _rng.Next())] : chosen;
    }

    private T Pick<T>(params T[] items) => items[_rng.Next(items.Length)];

    private static string F(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
