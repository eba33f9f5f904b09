using Parley.Talks.Access;
using Parley.Bargaining;
using Parley.Model;
using Parley.Talks.Ledger;
using Parley.Talks.Rules;
using Parley.Talks.Service;
using static Parley.Talks.Tests.TalksFixture;

namespace Parley.Talks.Tests.Blind;

public sealed class BlindCheckTests
{
    private static readonly BlindConsent All = new(true, true, true, true);

    internal static async Task ConsentAll(TalksFixture f, BlindConsent? consent = null, params string[] parties)
    {
        foreach (var p in parties.Length > 0 ? parties : ["RU", "UA", "US", "EU", "NATO"])
        {
            await f.Do(Party(p), (s, c) => TalksRules.SetConsent(s, c, consent ?? All));
        }
    }

    private static async Task<BlindCheckMade> Check(TalksFixture f, string[] parties, string? rule = null, string? stage = null, Caller? asker = null)
    {
        BlindCheckMade? made = null;
        await f.Do(asker ?? Mediator, (s, c) =>
        {
            var events = TalksRules.Check(s, c, parties, rule, stage);
            made = (BlindCheckMade)events[0];
            return events;
        });
        return made!;
    }

    [Fact]
    public async Task Flagship_AllFour_NoAgreement_ButUaUsEu_AgreeOnTheLensesNashPackage()
    {
        await using var f = await CreateAsync();
        await ConsentAll(f);

        var four = await Check(f, ["RU", "UA", "US", "EU"]);
        Assert.False(four.Answer.Agreement);
        Assert.Null(four.Answer.Package);
        Assert.Equal("0", four.Answer.Zone);
        Assert.Contains("RU", four.Answer.Clashing!);
        Assert.Contains("UA", four.Answer.Clashing!);
        Assert.Equal(1, four.Answer.RedLinesToMove);

        var three = await Check(f, ["UA", "US", "EU"], "nash");
        var lens = BargainingSolver.Solve(Flagship, new BargainingOptions { Parties = ["UA", "US", "EU"] });
        Assert.True(three.Answer.Agreement);
        var expected = lens.Nash!.Outcome.Package.Select((o, k) => (Flagship.Issues[k].Id, Flagship.Issues[k].Options[o].Id)).ToDictionary();
        Assert.Equal(expected, three.Answer.Package);
        Assert.Equal(BlindCheck.ZoneBucket(true, lens.AgreementZone), three.Answer.Zone);
        Assert.Equal(">100", three.Answer.Zone);
    }

    [Fact]
    public async Task DefaultRule_MaximisesTheSmallestGain()
    {
        await using var f = await CreateAsync();
        await ConsentAll(f);
        var made = await Check(f, ["UA", "US", "EU"]);
        var lens = BargainingSolver.Solve(Flagship, new BargainingOptions { Parties = ["UA", "US", "EU"] });
        var best = lens.Pareto.Max(o => Enumerable.Range(0, 3).Min(p => o.Utilities[p] - lens.Table.Parties[p].Reservation));
        var package = Enumerable.Range(0, Flagship.Issues.Count).Select(k => Flagship.Issues[k].OptionIndex(made.Answer.Package![Flagship.Issues[k].Id])).ToArray();
        var utilities = lens.Table.Utilities(package);
        Assert.Equal("max-min-gain", made.Rule);
        Assert.Equal(best, Enumerable.Range(0, 3).Min(p => utilities[p] - lens.Table.Parties[p].Reservation), 9);
    }

    [Fact]
    public async Task NotConsented_Or_Revoked_Is409NamingTheParty()
    {
        await using var f = await CreateAsync();
        await ConsentAll(f, parties: ["UA", "US"]);
        var ex = await Assert.ThrowsAsync<RuleViolationException>(() => Check(f, ["UA", "US", "EU"]));
        Assert.Equal((TalksRules.BlindConsentRule, 409), (ex.Rule, ex.Status));
        Assert.Contains("EU", ex.Message, StringComparison.Ordinal);

        await Check(f, ["UA", "US"]);
        await f.Do(Party("US"), (s, c) => TalksRules.SetConsent(s, c, BlindConsent.None));
        ex = await Assert.ThrowsAsync<RuleViolationException>(() => Check(f, ["UA", "US"]));
        Assert.Contains("US", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Budget_StopsTheEleventhCheckOfAStage_AndIsPerStage()
    {
        await using var f = await CreateAsync();
        await ConsentAll(f);
        for (var i = 0; i < 10; i++)
        {
            await Check(f, ["UA", "US"], stage: "S7");
        }

        var ex = await Assert.ThrowsAsync<RuleViolationException>(() => Check(f, ["UA", "US"], stage: "S7"));
        Assert.Equal((TalksRules.CheckBudget, 409), (ex.Rule, ex.Status));
        Assert.Equal("S8.C1", (await Check(f, ["UA", "US"], stage: "S8")).Check);
        Assert.Equal(0, await f.Service.ReadAsync(f.Id, s => BlindViews.Remaining(s, Mediator)["S7"]));
        Assert.Equal(9, await f.Service.ReadAsync(f.Id, s => BlindViews.Remaining(s, Mediator)["S8"]));
    }

    [Fact]
    public async Task Parties_CannotCheck_UnlessThePolicyLetsParticipants()
    {
        await using var f = await CreateAsync();
        await ConsentAll(f);
        await Assert.ThrowsAsync<RuleViolationException>(() => Check(f, ["RU", "UA"], stage: "S2", asker: Party("UA")));

        var open = Flagship with { Process = Flagship.Process! with { Confidentiality = Flagship.Process.Confidentiality with { BlindChecks = Visibility.Participants } } };
        await using var g = await CreateAsync(scenario: open);
        await ConsentAll(g);
        Assert.Equal("S2.C1", (await Check(g, ["RU", "UA"], stage: "S2", asker: Party("UA"))).Check);
        var outsider = await Assert.ThrowsAsync<RuleViolationException>(() => Check(g, ["RU", "UA"], stage: "S2", asker: Party("EU")));
        Assert.Equal(TalksRules.Participants, outsider.Rule);
    }

    [Fact]
    public async Task CheckEvent_IsSeenByTheAskerAndTheCheckedParties_Only()
    {
        await using var f = await CreateAsync();
        await ConsentAll(f);
        await Check(f, ["UA", "US"]);
        foreach (var (caller, sees) in new[] { (Mediator, true), (Party("UA"), true), (Party("US"), true), (Party("RU"), false), (Party("EU"), false), (Observer, false), (Caller.Public, false) })
        {
            var page = await f.Service.ReadEventsAsync(f.Id, caller, 0, 500);
            Assert.Equal(sees, page.Events.Any(e => e.Event is BlindCheckMade));
        }
    }

    [Fact]
    public async Task WithoutConsentToReservationOrRedLines_TheyAreLeftOut()
    {
        await using var f = await CreateAsync();
        await ConsentAll(f, new BlindConsent(true, false, false));
        var made = await Check(f, ["RU", "UA", "US", "EU"]);
        Assert.True(made.Answer.Agreement);
        Assert.Equal(["weights"], made.Answer.Basis["RU"]);
        Assert.Empty(made.Answer.Clashing ?? []);
    }

    [Fact]
    public async Task EmptyZone_NamesOnlyPartiesThatConsentedToBeNamed()
    {
        await using var f = await CreateAsync();
        await ConsentAll(f, new BlindConsent(true, true, true, Named: false));
        await f.Do(Party("UA"), (s, c) => TalksRules.SetConsent(s, c, All));
        var made = await Check(f, ["RU", "UA", "US", "EU"]);
        Assert.Equal(["UA"], made.Answer.Clashing);
        Assert.DoesNotContain("RU-donbas", made.Answer.RedLinesNamed ?? []);
    }
}
