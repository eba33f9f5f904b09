using Parley.Negotiation;

namespace Parley.Tests.Negotiation;

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
