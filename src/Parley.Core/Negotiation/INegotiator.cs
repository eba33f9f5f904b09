namespace Parley.Negotiation;

/// <summary>
/// An agent at the table. It is started with its own <see cref="IUtilityView"/> only and then sees the
/// shared <see cref="NegotiationState"/>: the engine never hands it the scenario or another party's
/// preferences.
/// </summary>
internal interface INegotiator
{
    /// <summary>Strategy name as shown in reports (e.g. <c>boulware</c>).</summary>
    string Name { get; }

    /// <summary>Called once before the first move.</summary>
    /// <param name="self">Own preferences at the table.</param>
    /// <param name="position">Own position at the table (0-based).</param>
    /// <param name="state">The shared state (party count, deadline).</param>
    /// <param name="rng">This agent's own random stream.</param>
    void Start(IUtilityView self, int position, NegotiationState state, SplitMix64 rng);

    /// <summary>Alternating offers: accept the standing offer, counter it, or walk away. With no standing offer, must offer.</summary>
    Move Respond(NegotiationState state);

    /// <summary>Single text: does this agent support replacing <paramref name="current"/> by <paramref name="proposed"/>?</summary>
    bool Vote(long current, long proposed, NegotiationState state);

    /// <summary>Single text: does this agent sign <paramref name="text"/> as the agreement now?</summary>
    bool Ratify(long text, NegotiationState state);
}
