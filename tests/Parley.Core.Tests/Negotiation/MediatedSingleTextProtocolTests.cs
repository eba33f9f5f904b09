using Parley.Negotiation;
using Parley.Negotiation.Protocols;

namespace Parley.Tests.Negotiation;

public class MediatedSingleTextProtocolTests
{
    private static readonly IUtilityView[] Views = [TestDomains.Line("A", 11), TestDomains.Line("B", 11), TestDomains.Line("C", 11)];

    private static (SessionOutcome Outcome, SessionTrace Trace) Run(bool veto, params bool[] votes)
    {
        var agents = votes.Select(v => (INegotiator)new ScriptedAgent((s, _) => Move.EndNegotiation, vote: (_, _) => v)).ToArray();
        var trace = new SessionTrace();
        var outcome = new MediatedSingleTextProtocol(veto).Run(agents, Views, new SessionRules(5), new SplitMix64(3), trace);
        return (outcome, trace);
    }

    private static long FinalText(SessionTrace trace, bool adopted)
    {
        var proposals = trace.Moves.Where(m => m.Party == -1 && m.Kind == MoveKind.Offer).ToList();
        return adopted ? proposals[^1].Package : proposals[0].Package;
    }

    [Fact]
    public void Veto_OneNoVote_KeepsTheText()
    {
        var (_, trace) = Run(veto: true, true, true, false);
        var proposals = trace.Moves.Where(m => m.Party == -1 && m.Kind == MoveKind.Offer).Select(m => m.Package).ToList();

        // Every round proposes a variant of the unchanged start text: exactly one issue differs, from the start text.
        Assert.Equal(6, proposals.Count);
        Assert.All(proposals.Skip(1), p => Assert.NotEqual(proposals[0], p));
        Assert.Equal(proposals[0], FinalText(trace, adopted: false));
    }

    [Fact]
    public void HillClimbing_MajorityAdoptsTheVariant()
    {
        var (_, veto) = Run(veto: true, true, true, false);
        var (_, majority) = Run(veto: false, true, true, false);
        var vetoProposals = veto.Moves.Where(m => m.Party == -1).Select(m => m.Package).ToList();
        var majorityProposals = majority.Moves.Where(m => m.Party == -1).Select(m => m.Package).ToList();

        // Same mediator stream: the first variant is the same, but only the majority rule moves the text on.
        Assert.Equal(vetoProposals[1], majorityProposals[1]);
        Assert.NotEqual(vetoProposals.Skip(2), majorityProposals.Skip(2));
    }

    [Fact]
    public void Ratification_AllSign_EndsInAgreementOnTheText()
    {
        var agents = Enumerable.Range(0, 3).Select(_ => (INegotiator)new ScriptedAgent((s, _) => Move.EndNegotiation, vote: (_, _) => false, ratify: _ => true)).ToArray();
        var trace = new SessionTrace();
        var outcome = new MediatedSingleTextProtocol(veto: true).Run(agents, Views, new SessionRules(5), new SplitMix64(3), trace);

        Assert.True(outcome.Agreement);
        Assert.Equal(trace.Moves[0].Package, outcome.Package);
        Assert.Equal(1, outcome.Rounds);
    }
}
