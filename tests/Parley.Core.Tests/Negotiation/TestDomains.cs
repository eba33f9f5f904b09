using Parley.Negotiation;

namespace Parley.Tests.Negotiation;

/// <summary>Small hand-built domains and scripted agents for protocol and strategy tests.</summary>
internal static class TestDomains
{
    /// <summary>One issue with options 0..n−1; the party's score of option o is o·100/(n−1) (or reversed).</summary>
    public static PartyView Line(string party, int n, bool reversed = false, double reservation = 0)
    {
        var space = new OutcomeSpace([n]);
        var scores = Enumerable.Range(0, n).Select(o => (reversed ? n - 1 - o : o) * 100.0 / (n - 1)).ToArray();
        return new PartyView(party, space, [scores], reservation, [], [-1]);
    }

    /// <summary>A view over an arbitrary table (weights already applied).</summary>
    public static PartyView Table(string party, double[][] table, double reservation = 0) =>
        new(party, new OutcomeSpace([.. table.Select(t => t.Length)]), table, reservation, [], [.. table.Select(_ => -1)]);
}

/// <summary>An agent whose moves are given by a function (for protocol tests).</summary>
internal sealed class ScriptedAgent(Func<NegotiationState, int, Move> respond, Func<long, long, bool>? vote = null, Func<long, bool>? ratify = null) : INegotiator
{
    public int Position { get; private set; }

    public IUtilityView? View { get; private set; }

    public string Name => "scripted";

    public void Start(IUtilityView self, int position, NegotiationState state, SplitMix64 rng)
    {
        View = self;
        Position = position;
    }

    public Move Respond(NegotiationState state) => respond(state, Position);

    public bool Vote(long current, long proposed, NegotiationState state) => vote?.Invoke(current, proposed) ?? true;

    public bool Ratify(long text, NegotiationState state) => ratify?.Invoke(text) ?? false;

    /// <summary>Offers <paramref name="package"/> every time, accepting from round <paramref name="acceptFrom"/> on.</summary>
    public static ScriptedAgent OfferThenAccept(long package, int acceptFrom = int.MaxValue) => new((state, me) =>
        state.Standing is { } s && s.Party != me && state.Round >= acceptFrom ? Move.Accept(s.Package) : Move.Offer(package));
}
