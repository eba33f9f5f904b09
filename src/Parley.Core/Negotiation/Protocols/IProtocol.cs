namespace Parley.Negotiation.Protocols;

/// <summary>A negotiation protocol: runs one session between agents, each holding only its own view.</summary>
internal interface IProtocol
{
    /// <summary>Runs a session. Agent i is started with <paramref name="views"/>[i] and nothing else.</summary>
    SessionOutcome Run(IReadOnlyList<INegotiator> agents, IReadOnlyList<IUtilityView> views, SessionRules rules, SplitMix64 rng,
        SessionTrace? trace = null, CancellationToken cancel = default);
}
