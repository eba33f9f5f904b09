namespace Parley.Negotiation.Protocols;

/// <summary>
/// Stacked alternating offers protocol (SAOP; Aydoğan et al. 2017): parties move in a fixed order; each
/// accepts the standing offer, counters it with an offer of its own, or walks away. A package is agreed
/// when every other party has accepted it in turn after it was offered. With two parties this is
/// Rubinstein's bilateral alternating offers. A round is one move by each party; see
/// <see cref="SessionRules"/> for the deadline semantics.
/// </summary>
internal sealed class AlternatingOffersProtocol : IProtocol
{
    public static AlternatingOffersProtocol Instance { get; } = new();

    public SessionOutcome Run(IReadOnlyList<INegotiator> agents, IReadOnlyList<IUtilityView> views, SessionRules rules, SplitMix64 rng,
        SessionTrace? trace = null, CancellationToken cancel = default)
    {
        var n = agents.Count;
        var rounds = rules.EffectiveRounds;
        var state = new NegotiationState(n, rounds);
        for (var i = 0; i < n; i++)
        {
            agents[i].Start(views[i], i, state, rng.Fork((ulong)i + 1));
        }

        var moves = 0;
        var acceptances = 0;
        var space = views[0].Space;
        for (var r = 0; r < rounds; r++)
        {
            if (cancel.IsCancellationRequested)
            {
                return new SessionOutcome(false, -1, r, rules.EndOfRound(r - 1), EndReason.Limit, moves);
            }

            state.Round = r;
            for (var i = 0; i < n; i++)
            {
                var move = agents[i].Respond(state);
                moves++;
                trace?.Add(r, i, move.Kind, move.Kind == MoveKind.End ? -1 : move.Package);
                if (move.Kind == MoveKind.End)
                {
                    return new SessionOutcome(false, -1, r + 1, rules.EndOfRound(r), EndReason.Walkaway, moves);
                }

                if (move.Kind == MoveKind.Accept && state.Standing is { } standing && standing.Party != i)
                {
                    if (++acceptances == n - 1)
                    {
                        return new SessionOutcome(true, standing.Package, r + 1, rules.EndOfRound(r), EndReason.Agreement, moves);
                    }

                    continue;
                }

                if ((ulong)move.Package >= (ulong)space.Size)
                {
                    throw new InvalidOperationException($"agent {agents[i].Name} offered package {move.Package} outside the space");
                }

                // An offer (or an acceptance with nothing to accept) replaces the standing offer.
                state.Add(new OfferRecord(r, i, move.Package));
                acceptances = 0;
            }
        }

        return new SessionOutcome(false, -1, rounds, rounds == 0 ? rules.StartDay : rules.EndOfRound(rounds - 1), EndReason.Deadline, moves);
    }
}
