using Parley.Talks.Access;
using Parley.Talks.Ledger;
using Parley.Talks.Rules;
using Parley.Talks.Service;
using static Parley.Talks.Tests.TalksFixture;

namespace Parley.Talks.Tests.Blind;

public sealed class BlindBiddingTests
{
    private static async Task<string> Open(TalksFixture f, string stage = "S2", string? issue = null)
    {
        string? id = null;
        await f.Do(Party("RU"), (s, c) =>
        {
            var e = TalksRules.OpenBidRound(s, c, stage, issue, issue is null ? "troop ceiling" : null, issue is null ? 0 : null, issue is null ? 1000 : null, issue is null ? "thousand" : null);
            id = ((BidRoundOpened)e[0]).Round;
            return e;
        });
        return id!;
    }

    private static Task Bid(TalksFixture f, string party, string round, BidSide side, double bound, bool revealGap = false) =>
        f.Do(Party(party), (s, c) => TalksRules.Bid(s, c, round, side, bound, revealGap));

    private static Task<IReadOnlyList<BidRoundView>> Rounds(TalksFixture f, Caller c) => f.Service.ReadAsync(f.Id, s => BlindViews.Rounds(s, c));

    [Fact]
    public async Task OverlappingBounds_SettleAtTheMidpoint_AndTheBidsStaySecret()
    {
        await using var f = await CreateAsync();
        var round = await Open(f);
        Assert.Equal("S2.RU.B1", round);
        await Bid(f, "RU", round, BidSide.AtMost, 300.25);
        Assert.Null((await Rounds(f, Party("UA"))).Single().Result);
        Assert.Equal(1, (await Rounds(f, Party("UA"))).Single().Waiting);
        await Bid(f, "UA", round, BidSide.AtLeast, 100);

        var result = (await Rounds(f, Party("UA"))).Single().Result!;
        Assert.True(result.Overlap);
        Assert.Equal(200.125, result.Value);

        // Each bidder sees its own bound; no one sees another's, on any read path, not even after settlement.
        Assert.Equal(100, (await Rounds(f, Party("UA"))).Single().Own!.Bound);
        Assert.Equal(300.25, (await Rounds(f, Party("RU"))).Single().Own!.Bound);
        foreach (var caller in new[] { Party("UA"), Party("EU"), Mediator, Observer, Caller.Public })
        {
            var json = System.Text.Json.JsonSerializer.Serialize(await f.Service.ReadEventsAsync(f.Id, caller, 0, 500), EventJson.Options)
                + System.Text.Json.JsonSerializer.Serialize(await f.Service.ReadAsync(f.Id, s => TalksViews.Overview(s, caller)), EventJson.Options);
            Assert.DoesNotContain("300.25", json, StringComparison.Ordinal);
        }

        var ru = System.Text.Json.JsonSerializer.Serialize(await f.Service.ReadEventsAsync(f.Id, Party("RU"), 0, 500), EventJson.Options);
        Assert.Contains("300.25", ru, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DisjointBounds_RevealOnlyNoOverlap_AndTheGapOnlyWithEveryonesConsent()
    {
        await using var f = await CreateAsync();
        var first = await Open(f);
        await Bid(f, "RU", first, BidSide.AtMost, 100, revealGap: true);
        await Bid(f, "UA", first, BidSide.AtLeast, 400);
        Assert.Empty(await Rounds(f, Mediator)); // not at the S2 table
        var r1 = (await Rounds(f, Party("RU"))).Single(r => r.Round == first).Result!;
        Assert.False(r1.Overlap);
        Assert.Null(r1.Value);
        Assert.Null(r1.Gap);

        var second = await Open(f);
        await Bid(f, "RU", second, BidSide.AtMost, 100, revealGap: true);
        await Bid(f, "UA", second, BidSide.AtLeast, 400, revealGap: true);
        Assert.Equal("15-35%", (await Rounds(f, Party("UA"))).Single(r => r.Round == second).Result!.Gap);
    }

    [Fact]
    public async Task Bids_AreFinal_InRange_ByBiddersOnly_AndUseTheBudget()
    {
        await using var f = await CreateAsync();
        var round = await Open(f);
        await Bid(f, "RU", round, BidSide.AtMost, 10);
        Assert.Equal(TalksRules.Lifecycle, (await Assert.ThrowsAsync<RuleViolationException>(() => Bid(f, "RU", round, BidSide.AtMost, 20))).Rule);
        Assert.Equal(TalksRules.References, (await Assert.ThrowsAsync<RuleViolationException>(() => Bid(f, "UA", round, BidSide.AtLeast, 1001))).Rule);
        await Assert.ThrowsAsync<NotFoundException>(() => Bid(f, "EU", round, BidSide.AtLeast, 5));
        Assert.Equal(9, await f.Service.ReadAsync(f.Id, s => BlindViews.Remaining(s, Party("RU"))["S2"]));
    }

    [Fact]
    public void NumericIssue_SettlesOnAStepAtOrAboveTheFloor()
    {
        var spec = new BidRoundOpened("S.B1", "S", "price", "P", 0, 100, "", ["A", "B"]);
        var settled = TalksRules.Settle(spec, [new BidSubmitted("S.B1", "A", BidSide.AtLeast, 10, false), new BidSubmitted("S.B1", "B", BidSide.AtMost, 25, false)], new Model.NumericRange(0, 100, 5, ""));
        Assert.Equal(15, settled.Value);
    }
}
