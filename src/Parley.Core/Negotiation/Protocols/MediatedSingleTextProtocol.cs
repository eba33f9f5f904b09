namespace Parley.Negotiation.Protocols;

/// <summary>
/// Mediated single-text negotiation (Raiffa 1982; Klein et al. 2003). The mediator starts from a random
/// text and each round proposes a variant changing one issue at random; the parties vote. In the
/// <b>veto</b> variant the variant replaces the text only if every party supports it (anyone can veto); in
/// the <b>hill-climbing</b> variant a strict majority suffices. After each round the mediator asks the
/// parties to sign the current text; the session ends in agreement when all do. The mediator proposes
/// but only sees votes, never utilities.
/// </summary>
internal sealed class MediatedSingleTextProtocol(bool veto) : IProtocol
{
    public bool Veto { get; } = veto;

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

        var space = views[0].Space;
        var mediator = rng.Fork(0xC0FFEE);
        var text = mediator.NextLong(space.Size);
        trace?.Add(0, -1, MoveKind.Offer, text);
        var moves = 0;
        for (var r = 0; r < rounds; r++)
        {
            if (cancel.IsCancellationRequested)
            {
                return new SessionOutcome(false, -1, r, rules.EndOfRound(r - 1), EndReason.Limit, moves);
            }

            state.Round = r;
            var issue = mediator.NextInt(space.IssueCount);
            var count = space.Counts[issue];
            if (count > 1)
            {
                var current = space.Option(text, issue);
                var option = (current + 1 + mediator.NextInt(count - 1)) % count;
                var proposed = space.With(text, issue, option);
                trace?.Add(r, -1, MoveKind.Offer, proposed);
                var yes = 0;
                for (var i = 0; i < n; i++)
                {
                    var vote = agents[i].Vote(text, proposed, state);
                    moves++;
                    trace?.Add(r, i, vote ? MoveKind.Accept : MoveKind.Reject, proposed);
                    yes += vote ? 1 : 0;
                }

                if (Veto ? yes == n : 2 * yes > n)
                {
                    text = proposed;
                }
            }

            var signed = 0;
            for (var i = 0; i < n; i++)
            {
                var sign = agents[i].Ratify(text, state);
                moves++;
                signed += sign ? 1 : 0;
            }

            if (signed == n)
            {
                trace?.Add(r, -1, MoveKind.Accept, text);
                return new SessionOutcome(true, text, r + 1, rules.EndOfRound(r), EndReason.Agreement, moves);
            }
        }

        return new SessionOutcome(false, -1, rounds, rounds == 0 ? rules.StartDay : rules.EndOfRound(rounds - 1), EndReason.Deadline, moves);
    }
}
