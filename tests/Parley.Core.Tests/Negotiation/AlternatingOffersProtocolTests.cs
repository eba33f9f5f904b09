using Parley.Negotiation;
using Parley.Negotiation.Protocols;

namespace Parley.Tests.Negotiation;

public class AlternatingOffersProtocolTests
{
    private static readonly IUtilityView[] Views = [TestDomains.Line("A", 11), TestDomains.Line("B", 11, reversed: true)];

    private static SessionOutcome Run(INegotiator a, INegotiator b, SessionRules rules, SessionTrace? trace = null) =>
        AlternatingOffersProtocol.Instance.Run([a, b], Views, rules, new SplitMix64(1), trace);

    [Fact]
    public void Run_WhenResponderAccepts_AgreesOnTheStandingOffer()
    {
        var outcome = Run(ScriptedAgent.OfferThenAccept(7), ScriptedAgent.OfferThenAccept(3, acceptFrom: 0), new SessionRules(10));

        Assert.True(outcome.Agreement);
        Assert.Equal(7, outcome.Package);
        Assert.Equal(1, outcome.Rounds);
        Assert.Equal(1.0, outcome.EndDay);
        Assert.Equal(EndReason.Agreement, outcome.Reason);
    }

    [Fact]
    public void Run_OfferInTheLastRound_CanStillBeAcceptedInThatRound()
    {
        // B accepts only from round 4 = the last of R = 5: A's last-round offer is accepted.
        var outcome = Run(ScriptedAgent.OfferThenAccept(7), ScriptedAgent.OfferThenAccept(3, acceptFrom: 4), new SessionRules(5));

        Assert.True(outcome.Agreement);
        Assert.Equal(5, outcome.Rounds);
    }

    [Fact]
    public void Run_NothingHappensAfterTheLastRound()
    {
        // A (first mover) would accept B's offer from round 5, but R = 5 means rounds 0..4: B's last counteroffer stands unanswered.
        var trace = new SessionTrace();
        var outcome = Run(ScriptedAgent.OfferThenAccept(7, acceptFrom: 5), ScriptedAgent.OfferThenAccept(3), new SessionRules(5), trace);

        Assert.False(outcome.Agreement);
        Assert.Equal(EndReason.Deadline, outcome.Reason);
        Assert.Equal(10, trace.Moves.Count);
        Assert.Equal((4, 1, MoveKind.Offer), (trace.Moves[^1].Round, trace.Moves[^1].Party, trace.Moves[^1].Kind));
    }

    [Fact]
    public void Run_CalendarDeadline_CutsRoundsThatEndAfterIt()
    {
        // Start day 1, rounds of 2 days, deadline = end of day 8 (time 8): rounds end at 3, 5, 7 (9 > 8), so 3 rounds.
        var rules = new SessionRules(Rounds: 100, RoundDays: 2, StartDay: 1, DeadlineDay: 8);
        Assert.Equal(3, rules.EffectiveRounds);
        var late = Run(ScriptedAgent.OfferThenAccept(7), ScriptedAgent.OfferThenAccept(3, acceptFrom: 3), rules);
        var inTime = Run(ScriptedAgent.OfferThenAccept(7), ScriptedAgent.OfferThenAccept(3, acceptFrom: 2), rules);

        Assert.False(late.Agreement);
        Assert.Equal(7.0, late.EndDay);
        Assert.True(inTime.Agreement);
        Assert.Equal(7.0, inTime.EndDay);
    }

    [Fact]
    public void Run_DeadlineBeforeTheFirstRoundEnds_HasNoRounds()
    {
        var outcome = Run(ScriptedAgent.OfferThenAccept(7), ScriptedAgent.OfferThenAccept(3, acceptFrom: 0), new SessionRules(10, 1, StartDay: 5, DeadlineDay: 5.5));

        Assert.False(outcome.Agreement);
        Assert.Equal(0, outcome.Rounds);
        Assert.Equal(0, outcome.Moves);
    }

    [Fact]
    public void Run_Stacked_NeedsEveryOtherPartyToAcceptInTurn()
    {
        var views = new IUtilityView[] { TestDomains.Line("A", 11), TestDomains.Line("B", 11), TestDomains.Line("C", 11) };
        // C counters in round 0 after B accepted, which resets the acceptances; in round 1 A accepts C's offer, then B does.
        var a = ScriptedAgent.OfferThenAccept(1, acceptFrom: 1);
        var b = ScriptedAgent.OfferThenAccept(2, acceptFrom: 0);
        var c = ScriptedAgent.OfferThenAccept(9, acceptFrom: 1);
        var outcome = AlternatingOffersProtocol.Instance.Run([a, b, c], views, new SessionRules(10), new SplitMix64(1));

        Assert.True(outcome.Agreement);
        Assert.Equal(9, outcome.Package);
        Assert.Equal(2, outcome.Rounds);
    }

    [Fact]
    public void Run_Walkaway_EndsWithoutAgreement()
    {
        var quitter = new ScriptedAgent((_, _) => Move.EndNegotiation);
        var outcome = Run(ScriptedAgent.OfferThenAccept(7), quitter, new SessionRules(10));

        Assert.False(outcome.Agreement);
        Assert.Equal(EndReason.Walkaway, outcome.Reason);
    }
}
