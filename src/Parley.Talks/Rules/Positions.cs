using System.Globalization;
using Parley.Model;
using Parley.Talks.Ledger;

namespace Parley.Talks.Rules;

/// <summary>Converts between a scenario's <see cref="PartyPreferences"/> and a ledger <see cref="Position"/>, and checks a position's shape.</summary>
public static class Positions
{
    /// <summary>The position a scenario's preferences entry describes.</summary>
    public static Position FromPreferences(Scenario scenario, PartyPreferences preferences)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(preferences);
        var weights = new Dictionary<string, double>(StringComparer.Ordinal);
        var scores = new Dictionary<string, IReadOnlyList<double>>(StringComparer.Ordinal);
        for (var k = 0; k < scenario.Issues.Count; k++)
        {
            weights[scenario.Issues[k].Id] = preferences.Weights[k];
            scores[scenario.Issues[k].Id] = [.. preferences.Scores[k].Values];
        }

        return new Position(weights, scores, preferences.Reservation,
            [.. preferences.RedLines.Select(r => new PositionRedLine(r.Id, r.Rule.ToString(), r.Note))]);
    }

    /// <summary>The preferences a (validated) position describes, for the analysis lenses.</summary>
    public static PartyPreferences ToPreferences(Scenario scenario, string partyId, Position position)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(position);
        return new PartyPreferences(
            partyId,
            scenario.Issues.Select(i => position.Weights.GetValueOrDefault(i.Id)).ToValueList(),
            scenario.Issues.Select(i => new IssueScores(position.Scores[i.Id].ToValueList())).ToValueList(),
            position.Reservation,
            position.RedLines.Select(r => new RedLine(r.Id, ConditionParser.Parse(r.Rule), r.Note)).ToValueList());
    }

    /// <summary>Throws a <see cref="RuleViolationException"/> (<see cref="TalksRules.PositionShape"/>) naming the first bad field.</summary>
    public static void Validate(Scenario scenario, Position position)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(position);
        const string rule = TalksRules.PositionShape;
        TalksRules.Require(position.Weights is not null && position.Scores is not null && position.RedLines is not null, rule, "position: weights, scores and redLines are required");
        foreach (var key in position.Weights!.Keys.Concat(position.Scores!.Keys))
        {
            TalksRules.Require(scenario.FindIssue(key) is not null, rule, $"position: no issue '{key}'");
        }

        TalksRules.Require(position.Weights.Values.All(w => double.IsFinite(w) && w >= 0) && position.Weights.Values.Sum() > 0, rule,
            "position.weights: weights are ≥ 0 and not all zero");
        foreach (var issue in scenario.Issues)
        {
            TalksRules.Require(position.Scores.TryGetValue(issue.Id, out var values), rule, $"position.scores.{issue.Id}: missing");
            TalksRules.Require(values is not null, rule, $"position.scores.{issue.Id}: a list of scores is required, not null");
            TalksRules.Require(values!.Count == issue.Options.Count, rule,
                $"position.scores.{issue.Id}: {issue.Options.Count} scores expected, one per option");
            for (var o = 0; o < values.Count; o++)
            {
                TalksRules.Require(double.IsFinite(values[o]) && scenario.Scale.Contains(values[o]), rule,
                    $"position.scores.{issue.Id}[{o}]: outside the scale {scenario.Scale.Min.ToString(CultureInfo.InvariantCulture)}–{scenario.Scale.Max.ToString(CultureInfo.InvariantCulture)}");
            }
        }

        TalksRules.Require(double.IsFinite(position.Reservation) && scenario.Scale.Contains(position.Reservation), rule, "position.reservation: a finite number on the scale is required");
        TalksRules.Require((position.Notes ?? "").Length <= TalksRules.MaxText, rule, $"position.notes: at most {TalksRules.MaxText} characters");
        var options = scenario.Issues.SelectMany(i => i.Options.Select(o => o.Id)).ToHashSet(StringComparer.Ordinal);
        for (var r = 0; r < position.RedLines!.Count; r++)
        {
            var line = position.RedLines[r];
            TalksRules.Require(line is not null, rule, $"position.redLines[{r}]: a red line is required, not null");
            TalksRules.Require(!string.IsNullOrWhiteSpace(line!.Id) && line.Id.Length <= 64, rule, $"position.redLines[{r}].id: required (1–64 characters)");
            TalksRules.Require(line.Rule is not null && line.Rule.Length <= 4096, rule, $"position.redLines[{r}].rule: required (at most 4096 characters)");
            Condition condition;
            try
            {
                condition = ConditionParser.Parse(line.Rule ?? "");
            }
            catch (FormatException ex)
            {
                throw new RuleViolationException(rule, $"position.redLines[{r}].rule: {ex.Message}");
            }

            foreach (var atom in condition.Atoms())
            {
                var ok = atom switch
                {
                    IssueIn i => scenario.FindIssue(i.Issue) is { } issue && i.Options.All(o => issue.OptionIndex(o) >= 0),
                    OptionTaken t => options.Contains(t.Option),
                    _ => true,
                };
                TalksRules.Require(ok, rule, $"position.redLines[{r}].rule: unknown issue or option in '{atom}'");
            }
        }
    }
}
