using Parley.Talks.Access;
using Parley.Talks.Ledger;
using Parley.Talks.Rules;
using Parley.Talks.Service;
using static Parley.Talks.Tests.TalksFixture;

namespace Parley.Talks.Tests.Blind;

/// <summary>
/// A live subscriber whose desk changes through an event it may not see (another party's bid or mark) is told
/// that the desk changed, and nothing else; one whose desk did not change is told nothing. Commands fold
/// synchronously, so once a command returns every notice it causes has been written.
/// </summary>
public sealed class DeskNoticeTests
{
    private static readonly Dictionary<string, string> Text1 = new() { ["C"] = "C2", ["T"] = "T2", ["G"] = "G3" };

    private static bool Noticed(Subscription s) => s.DeskChanges.TryRead(out _);

    private static void NoNewEvent(Subscription s) => Assert.False(s.Events.TryRead(out var e), $"unexpected {e?.Type}");

    private static void Drain(params Subscription[] subscriptions)
    {
        foreach (var s in subscriptions)
        {
            while (s.Events.TryRead(out _) || s.DeskChanges.TryRead(out _))
            {
            }
        }
    }

    [Fact]
    public async Task AnotherBiddersBid_TellsTheOtherBidderItsDeskChanged_AndNoOneWithoutTheRound()
    {
        await using var f = await CreateAsync();
        using var ua = await f.Service.SubscribeAsync(f.Id, Party("UA"), null);
        using var eu = await f.Service.SubscribeAsync(f.Id, Party("EU"), null);
        using var observer = await f.Service.SubscribeAsync(f.Id, Observer, null);
        string? round = null;
        await f.Do(Party("RU"), (s, c) =>
        {
            var e = TalksRules.OpenBidRound(s, c, "S2", null, "troop ceiling", 0, 1000, "thousand");
            round = ((BidRoundOpened)e[0]).Round;
            return e;
        });
        Assert.True(ua.Events.TryRead(out var opened) && opened.Event is BidRoundOpened);
        Assert.False(Noticed(ua)); // the opening came as an event: no notice on top of it
        Drain(ua, eu, observer);

        await f.Do(Party("RU"), (s, c) => TalksRules.Bid(s, c, round!, BidSide.AtMost, 300.25, false));

        // UA: the round now awaits one bid fewer; it learns that its desk changed, not the bid.
        Assert.True(Noticed(ua));
        Assert.False(Noticed(ua)); // one pending notice, however many changes
        NoNewEvent(ua);
        Assert.Equal(1, (await f.Service.ReadAsync(f.Id, s => BlindViews.Rounds(s, Party("UA")))).Single().Waiting);

        // EU is no bidder and does not see the round; the observer has no desk.
        Assert.False(Noticed(eu));
        NoNewEvent(eu);
        Assert.False(Noticed(observer));
        NoNewEvent(observer);
    }

    [Fact]
    public async Task APartysMark_TellsTheMediatorItsDeskChanged_AndNotTheOtherParties()
    {
        await using var f = await CreateAsync(scenario: FlagshipBeforeS5);
        await f.Do(Party("RU"), (s, c) => TalksRules.OpenStage(s, c, "S5"));
        using var mediator = await f.Service.SubscribeAsync(f.Id, Mediator, null);
        using var ua = await f.Service.SubscribeAsync(f.Id, Party("UA"), null);
        await f.Do(Mediator, (s, c) => TalksRules.TableSingleText(s, c, "S5", Text1, "first draft"));
        Drain(mediator, ua);

        await f.Do(Party("RU"), (s, c) => TalksRules.MarkSingleText(s, c, "S5", 1,
            new Dictionary<string, IssueMark?> { ["C"] = IssueMark.Acceptable, ["G"] = IssueMark.NeedsChange, ["T"] = IssueMark.Acceptable }));

        // The mediator's objection count moved; the mark itself stays RU's.
        Assert.True(Noticed(mediator));
        NoNewEvent(mediator);
        Assert.Equal(1, (await f.Service.ReadAsync(f.Id, s => BlindViews.Texts(s, Mediator))).Single().Rounds.Single().Objections!["G"]);
        // UA's desk shows its own marks only: RU's mark changes nothing there.
        Assert.False(Noticed(ua));
        NoNewEvent(ua);

        // UA's own mark comes to UA as its event, with no notice on top; the mediator is told again.
        await f.Do(Party("UA"), (s, c) => TalksRules.MarkSingleText(s, c, "S5", 1,
            new Dictionary<string, IssueMark?> { ["C"] = IssueMark.Acceptable, ["G"] = IssueMark.Acceptable, ["T"] = IssueMark.Acceptable }));
        Assert.True(ua.Events.TryRead(out var own) && own.Event is SingleTextMarked);
        Assert.False(Noticed(ua));
        Assert.True(Noticed(mediator));
    }

    [Fact]
    public async Task AVisibleEventOrOneThatLeavesTheDeskAlone_BringsNoNotice()
    {
        await using var f = await CreateAsync();
        using var ru = await f.Service.SubscribeAsync(f.Id, Party("RU"), null);
        using var eu = await f.Service.SubscribeAsync(f.Id, Party("EU"), null);

        // A statement for the participants of an open stage: hidden from EU, and EU's desk has nothing that moves with it.
        await f.Do(Party("UA"), (s, c) => TalksRules.IssueStatement(s, c, "not for the EU", false));

        Assert.False(Noticed(eu));
        Assert.False(Noticed(ru));
    }
}
