using Parley.Negotiation;
using Parley.Negotiation.Protocols;
using Parley.Negotiation.Strategies;

namespace Parley.Tests.Negotiation;

public class StrategyTests
{
    private const int Options = 1001; // utilities 0, 0.1, …, 100: fine enough to follow a curve within 0.1

    /// <summary>Runs <paramref name="agent"/> (first mover) against an opponent that never accepts and repeats one offer; returns A's offer utilities per round.</summary>
    private static List<double> OfferCurve(INegotiator agent, int rounds, long opponentOffer = 0)
    {
        var a = TestDomains.Line("A", Options);
        var trace = new SessionTrace();
        AlternatingOffersProtocol.Instance.Run([agent, ScriptedAgent.OfferThenAccept(opponentOffer)], [a, TestDomains.Line("B", Options, reversed: true)],
            new SessionRules(rounds), new SplitMix64(5), trace);
        return [.. trace.Moves.Where(m => m.Party == 0 && m.Kind == MoveKind.Offer).Select(m => a.Utility(m.Package))];
    }

    private static INegotiator Make(string text)
    {
        var rng = new SplitMix64(1);
        return StrategySpec.TryParse(text, out var error)!.Create(ref rng) ?? throw new InvalidOperationException(error);
    }

    [Theory]
    [InlineData("boulware", 0.2)]
    [InlineData("linear", 1.0)]
    [InlineData("conceder", 2.0)]
    [InlineData("time:e=0.5", 0.5)]
    public void TimeDependent_FollowsFaratinCurve(string strategy, double e)
    {
        const int rounds = 21;
        // const(101) never accepts, so the agent offers in every round including the last.
        var curve = OfferCurve(Make(strategy + (strategy.Contains(':') ? "," : ":") + "accept=const(101)"), rounds);

        Assert.Equal(rounds, curve.Count);
        for (var r = 0; r < rounds; r++)
        {
            var t = r / (double)(rounds - 1);
            var target = (1 - Math.Pow(t, 1 / e)) * 100; // Pmin = 0 (reservation), Pmax = 100, k = 0
            Assert.InRange(curve[r], target - 1e-9, target + 0.1 + 1e-9);
        }
    }

    [Fact]
    public void Boulware_HoldsOutLongerThanConceder()
    {
        var boulware = OfferCurve(Make("boulware"), 21);
        var conceder = OfferCurve(Make("conceder"), 21);

        Assert.True(boulware[10] > 95 && conceder[10] < 30, $"midway: Boulware {boulware[10]}, Conceder {conceder[10]}");
    }

    [Fact]
    public void Hardliner_NeverConcedes()
    {
        Assert.All(OfferCurve(Make("hardliner"), 15), u => Assert.Equal(100, u, 9));
    }

    [Fact]
    public void Aspiration_DecaysGeometricallyTowardTheReservation()
    {
        var curve = OfferCurve(Make("aspiration:rate=0.2"), 10);
        for (var r = 0; r < curve.Count; r++)
        {
            var target = 100 * Math.Pow(0.8, r);
            Assert.InRange(curve[r], target - 1e-9, target + 0.1 + 1e-9);
        }
    }

    [Fact]
    public void TimeDependent_NeverOffersBelowItsReservation()
    {
        var a = TestDomains.Line("A", Options, reservation: 60);
        var trace = new SessionTrace();
        AlternatingOffersProtocol.Instance.Run([Make("conceder"), ScriptedAgent.OfferThenAccept(0)], [a, TestDomains.Line("B", Options, reversed: true)],
            new SessionRules(30), new SplitMix64(5), trace);

        Assert.All(trace.Moves.Where(m => m.Party == 0), m => Assert.True(a.Utility(m.Package) >= 60 - 1e-9));
        Assert.Equal(60, a.Utility(trace.Moves.Where(m => m.Party == 0).Last().Package), 6);
    }

    [Fact]
    public void Micro_AgainstAHardliner_ConcedesAtMostOnce()
    {
        var curve = OfferCurve(Make("micro"), 30);

        Assert.True(curve.Distinct().Count() <= 2, string.Join(", ", curve.Distinct()));
    }

    [Fact]
    public void Micro_MatchesAConcedingOpponentStepForStep()
    {
        // The opponent offers a new package every round, so MiCRO walks down its ranking by one each round.
        var a = TestDomains.Line("A", 11);
        var b = TestDomains.Line("B", 11, reversed: true);
        var trace = new SessionTrace();
        var opponent = new ScriptedAgent((s, _) => Move.Offer(s.Round));
        AlternatingOffersProtocol.Instance.Run([Make("micro"), opponent], [a, b], new SessionRules(4), new SplitMix64(2), trace);
        var offers = trace.Moves.Where(m => m.Party == 0 && m.Kind == MoveKind.Offer).Select(m => a.Utility(m.Package)).ToList();

        Assert.Equal([100, 90, 80, 70], offers);
    }

    [Fact]
    public void TitForTat_MirrorsTheOpponentsConcessions()
    {
        var a = TestDomains.Line("A", 101);
        var b = TestDomains.Line("B", 101, reversed: true);
        // The opponent concedes 5 points of A's utility per round.
        var opponent = new ScriptedAgent((s, _) => Move.Offer(s.Round * 5));
        var trace = new SessionTrace();
        AlternatingOffersProtocol.Instance.Run([Make("tft"), opponent], [a, b], new SessionRules(6), new SplitMix64(2), trace);
        var offers = trace.Moves.Where(m => m.Party == 0 && m.Kind == MoveKind.Offer).Select(m => a.Utility(m.Package)).ToList();

        Assert.Equal([100, 100, 95, 90, 85, 80], offers);
    }

    [Fact]
    public void RelativeTitForTat_MirrorsTheRatio()
    {
        var a = TestDomains.Line("A", 101);
        var b = TestDomains.Line("B", 101, reversed: true);
        // Opponent offers give A 10, 20, 40: ratios ½ then ½ — A's target halves each time.
        long[] script = [10, 20, 40, 40];
        var opponent = new ScriptedAgent((s, _) => Move.Offer(script[Math.Min(s.Round, 3)]));
        var trace = new SessionTrace();
        AlternatingOffersProtocol.Instance.Run([Make("rtft:accept=const(101)"), opponent], [a, b], new SessionRules(4), new SplitMix64(2), trace);
        var offers = trace.Moves.Where(m => m.Party == 0 && m.Kind == MoveKind.Offer).Select(m => a.Utility(m.Package)).ToList();

        Assert.Equal([100, 100, 50, 25], offers);
    }

    [Theory]
    [InlineData("next", 70, 70, 0.1, 0, true)]
    [InlineData("next", 69, 70, 0.1, 0, false)]
    [InlineData("next(1.1,0)", 64, 70, 0.1, 0, true)]
    [InlineData("const(60)", 60, 99, 0.1, 0, true)]
    [InlineData("const(60)", 59, 0, 0.1, 0, false)]
    [InlineData("combi(0.9)", 50, 70, 0.95, 50, true)]
    [InlineData("combi(0.9)", 50, 70, 0.5, 50, false)]
    [InlineData("combi(0.9)", 49, 70, 0.95, 50, false)]
    public void AcceptanceConditions_FollowTheirDefinitions(string text, double offer, double next, double time, double best, bool accepts)
    {
        Assert.True(AcceptanceSpec.TryParse(text, out var spec));
        Assert.Equal(accepts, spec.ToCondition().Accepts(offer, next, time, best));
    }

    [Fact]
    public void Negotiator_NeverAcceptsBelowItsReservation()
    {
        var a = TestDomains.Line("A", 11, reservation: 50);
        var trace = new SessionTrace();
        var outcome = AlternatingOffersProtocol.Instance.Run([ScriptedAgent.OfferThenAccept(4), Make("linear:accept=const(0)")],
            [TestDomains.Line("B", 11, reversed: true), a], new SessionRules(3), new SplitMix64(1), trace);

        Assert.False(outcome.Agreement);
    }

    [Theory]
    [InlineData("wobble")]
    [InlineData("time:e=-1")]
    [InlineData("time:q=1")]
    [InlineData("linear:accept=maybe")]
    public void Parse_RejectsBadStrategies(string text)
    {
        Assert.Null(StrategySpec.TryParse(text, out var error));
        Assert.NotEmpty(error);
    }
}
