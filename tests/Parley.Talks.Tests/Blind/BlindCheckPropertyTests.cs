using Parley.Bargaining;
using Parley.Model;
using Parley.Talks.Ledger;
using Parley.Talks.Rules;
using static Parley.Talks.Tests.TalksFixture;

namespace Parley.Talks.Tests.Blind;

/// <summary>For generated positions and consents, a blind check answers exactly what the bargaining lens says on the consented data.</summary>
public sealed class BlindCheckPropertyTests
{
    [Fact]
    public async Task BlindCheck_EqualsTheBargainingLens_OnGeneratedPositions()
    {
        var roomy = Flagship with { Process = Flagship.Process! with { Confidentiality = Flagship.Process.Confidentiality with { CheckBudget = 1000 } } };
        await using var f = await CreateAsync(scenario: roomy);
        var random = new Random(20261203);
        var scenario = await f.Service.ReadAsync(f.Id, s => s.Scenario);
        var parties = new[] { "RU", "UA", "US", "EU", "NATO" };
        var agreements = 0;
        for (var n = 0; n < 80; n++)
        {
            var positions = new Dictionary<string, Position>();
            var consents = new Dictionary<string, BlindConsent>();
            foreach (var p in parties)
            {
                var position = RandomPosition(scenario, random, p);
                positions[p] = position;
                consents[p] = new BlindConsent(true, random.Next(3) > 0, random.Next(3) > 0, random.Next(2) == 0);
                await f.Do(Party(p), (s, c) => TalksRules.SubmitPosition(s, c, position));
                await f.Do(Party(p), (s, c) => TalksRules.SetConsent(s, c, consents[p]));
            }

            var chosen = parties.OrderBy(_ => random.Next()).Take(random.Next(2, 5)).ToArray();
            var rule = BlindCheck.Rules[random.Next(3)];
            BlindCheckMade? made = null;
            await f.Do(Mediator, (s, c) =>
            {
                var e = TalksRules.Check(s, c, chosen, rule, null);
                made = (BlindCheckMade)e[0];
                return e;
            });
            AssertMatchesLens(scenario, positions, consents, chosen, rule, made!.Answer);
            agreements += made.Answer.Agreement ? 1 : 0;
        }

        // Both kinds of answer were exercised.
        Assert.InRange(agreements, 1, 79);
    }

    private static void AssertMatchesLens(Scenario scenario, Dictionary<string, Position> positions, Dictionary<string, BlindConsent> consents, string[] chosen, string rule, BlindAnswer answer)
    {
        // The lens on exactly the consented parts: reservation at the scale's minimum and no red lines where not consented.
        var preferences = chosen.Select(p => Positions.ToPreferences(scenario, p, positions[p] with
        {
            Reservation = consents[p].Reservation ? positions[p].Reservation : scenario.Scale.Min,
            RedLines = consents[p].RedLines ? positions[p].RedLines : [],
        })).ToValueList();
        var lens = BargainingSolver.Solve(scenario with { Preferences = preferences }, new BargainingOptions { Parties = chosen });
        Assert.Equal(lens.HasAgreement, answer.Agreement);
        Assert.Equal(BlindCheck.ZoneBucket(lens.HasAgreement, lens.AgreementZone), answer.Zone);
        if (lens.HasAgreement)
        {
            var solution = BargainingSolver.Suggest(lens, BlindCheck.ParseRule(rule)!.Value)!;
            var expected = solution.Outcome.Package.Select((o, k) => (scenario.Issues[k].Id, scenario.Issues[k].Options[o].Id)).ToDictionary();
            Assert.Equal(expected, answer.Package);
        }
        else
        {
            Assert.Null(answer.Package);
            Assert.Equal(lens.Diagnosis is { Relaxations.Count: > 0 } d ? d.Relaxations[0].Drop.Count : null, answer.RedLinesToMove);
            Assert.All(answer.Clashing ?? [], p => Assert.True(consents[p].Named, $"{p} named without consent"));
        }
    }

    private static Position RandomPosition(Scenario scenario, Random random, string party)
    {
        var weights = scenario.Issues.ToDictionary(i => i.Id, _ => (double)random.Next(0, 10));
        weights[scenario.Issues[0].Id] += 1;
        var scores = scenario.Issues.ToDictionary(i => i.Id, i => (IReadOnlyList<double>)[.. i.Options.Select(_ => (double)random.Next(0, 101))]);
        var lines = new List<PositionRedLine>();
        for (var n = random.Next(3); n > 0; n--)
        {
            var issue = scenario.Issues[random.Next(scenario.Issues.Count)];
            var allowed = issue.Options.Where(_ => random.Next(3) > 0).Select(o => o.Id).DefaultIfEmpty(issue.Options[0].Id);
            lines.Add(new PositionRedLine($"{party}-line{n}", $"{issue.Id} in [{string.Join(", ", allowed)}]", "generated"));
        }

        return new Position(weights, scores, random.Next(20, 70), lines);
    }
}
