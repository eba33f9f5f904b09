using CsCheck;
using Parley.Bargaining;
using Parley.Model;

namespace Parley.Core.Tests.Bargaining;

/// <summary>Random small utility tables (2–4 parties, 1–5 issues of 1–5 options, optional red lines) for property tests.</summary>
internal static class RandomTables
{
    public static readonly Gen<UtilityTable> Small = Gen.Select(Gen.Int[2, 4], Gen.Int[1, 5], Gen.Int[0, int.MaxValue], Gen.Bool)
        .Select((parties, issues, seed, coarse) => Build(parties, issues, seed, coarse));

    /// <summary>
    /// <paramref name="coarse"/> draws integer scores 0–4 (many exact ties, the hard case for tie-breaks); otherwise
    /// scores are arbitrary doubles. Red lines: single-issue masks and two-issue implications.
    /// </summary>
    public static UtilityTable Build(int parties, int issues, int seed, bool coarse)
    {
        var random = new Random(seed);
        var outcomeIssues = Enumerable.Range(0, issues).Select(k =>
        {
            var options = Enumerable.Range(0, random.Next(1, 6)).Select(o => $"I{k}o{o}").ToValueList();
            return new OutcomeIssue($"I{k}", $"Issue {k}", options, options);
        }).ToValueList();
        var space = new OutcomeSpace(outcomeIssues);
        var table = new List<PartyUtility>();
        for (var p = 0; p < parties; p++)
        {
            var weights = Enumerable.Range(0, issues).Select(_ => coarse ? random.Next(1, 4) : random.NextDouble() + 0.01).ToArray();
            var sum = weights.Sum();
            var contributions = outcomeIssues.Select((issue, k) => issue.OptionIds
                .Select(_ => weights[k] * (coarse ? random.Next(0, 5) * 25.0 : random.NextDouble() * 100) / sum).ToValueList()).ToValueList();
            var redLines = new List<RedLine>();
            if (random.NextDouble() < 0.4)
            {
                var issue = outcomeIssues[random.Next(issues)];
                redLines.Add(new RedLine($"P{p}-mask", new IssueIn(issue.Id, issue.OptionIds.Where(_ => random.NextDouble() < 0.6).ToValueList(), random.NextDouble() < 0.5)));
            }

            if (issues >= 2 && random.NextDouble() < 0.4)
            {
                var a = outcomeIssues[random.Next(issues)];
                var b = outcomeIssues[random.Next(issues)];
                redLines.Add(new RedLine($"P{p}-if", new Implies(
                    new IssueIn(a.Id, ValueList.Of(a.OptionIds[random.Next(a.OptionIds.Count)])),
                    new IssueIn(b.Id, ValueList.Of(b.OptionIds[random.Next(b.OptionIds.Count)]), true))));
            }

            var party = new PartyUtility($"P{p}", $"Party {p}", contributions, 0, redLines.ToValueList());
            var reservation = party.MinUtility + ((party.MaxUtility - party.MinUtility) * random.NextDouble() * 0.7);
            table.Add(party with { Reservation = coarse ? Math.Round(reservation) : reservation });
        }

        return new UtilityTable(space, table.ToValueList(), ScoreScale.Default);
    }
}
