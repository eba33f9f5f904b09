using Parley.Model;
using Parley.Negotiation.Protocols;
using Parley.Negotiation.Simulation;

namespace Parley.Negotiation.Tournaments;

/// <summary>
/// Runs tournaments: <see cref="Sessions"/> lists every session (strategies × domains × role assignments ×
/// repetitions); <see cref="RunSession"/> plays one, purely, from (seed, session key); <see cref="Summarize"/>
/// ranks strategies from any set of results (in any order: it sorts by key first).
/// </summary>
public static class Tournament
{
    /// <summary>Every session, in a fixed order. With n roles and s strategies there are s^n role assignments per domain and repetition.</summary>
    public static IReadOnlyList<TournamentSession> Sessions(TournamentSpec spec, IReadOnlyList<TournamentDomain> domains)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(domains);
        var sessions = new List<TournamentSession>();
        for (var d = 0; d < domains.Count; d++)
        {
            var roles = domains[d].Roles.Length;
            var assignments = (long)Math.Pow(spec.Strategies.Count, roles);
            if (assignments * spec.Repetitions > 10_000_000)
            {
                throw new ArgumentException($"domain '{domains[d].Name}' would need {assignments * spec.Repetitions:N0} sessions; use fewer strategies, roles or repetitions");
            }

            for (long a = 0; a < assignments; a++)
            {
                var assignment = new int[roles];
                var rest = a;
                for (var r = roles - 1; r >= 0; r--)
                {
                    assignment[r] = (int)(rest % spec.Strategies.Count);
                    rest /= spec.Strategies.Count;
                }

                for (var rep = 0; rep < spec.Repetitions; rep++)
                {
                    var key = $"{domains[d].Name}|{string.Join(",", assignment.Select(i => spec.Strategies[i].Name))}|{rep}";
                    sessions.Add(new TournamentSession(key, d, assignment.ToValueList(), rep));
                }
            }
        }

        return sessions;
    }

    /// <summary>Plays one session. Its random stream derives from (seed, key) only, so results do not depend on order or threads.</summary>
    /// <param name="spec">The tournament.</param>
    /// <param name="domain">The session's domain.</param>
    /// <param name="session">The session.</param>
    /// <param name="trace">Receives the session's moves when not null.</param>
    /// <param name="cancel">A per-session limit; when it fires the session ends with reason "limit".</param>
    public static SessionResult RunSession(TournamentSpec spec, TournamentDomain domain, TournamentSession session, List<SessionTraceRecord>? trace = null,
        CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(domain);
        ArgumentNullException.ThrowIfNull(session);
        var rng = SplitMix64.For(spec.Seed, (long)Fnv(session.Key));
        var views = domain.Views;
        var agents = session.Strategies.Select((s, i) =>
        {
            var agentRng = rng.Fork(1000 + (ulong)i);
            return spec.Strategies[s].Create(ref agentRng);
        }).ToArray();
        IProtocol protocol = spec.Protocol switch
        {
            ProtocolKind.MediatedVeto => new MediatedSingleTextProtocol(veto: true),
            ProtocolKind.MediatedHillClimbing => new MediatedSingleTextProtocol(veto: false),
            _ => AlternatingOffersProtocol.Instance,
        };
        var sessionTrace = trace is null ? null : new SessionTrace();
        var outcome = protocol.Run(agents, views, new SessionRules(spec.Rounds), rng.Fork(7), sessionTrace, cancel);
        if (sessionTrace is not null)
        {
            trace!.Add(SessionTraceExport.ToRecord(sessionTrace, outcome, views, domain.Issues, session.Key, 0, StagedRun.ProtocolName(spec.Protocol), 0));
        }

        // GENIUS discounting: each party gets u·d^t (its reservation value too, when talks end without agreement) at the
        // normalised time t the session ended; the distances are measured on the undiscounted outcome.
        var t = spec.Rounds > 0 ? Math.Min(1.0, (double)outcome.Rounds / spec.Rounds) : 1.0;
        var raw = views.Select(v => outcome.Agreement ? v.Utility(outcome.Package) : v.Reservation).ToList();
        var utilities = raw.Select((u, i) => Math.Round(domain.Roles[i].Discounted(u, t), 6)).ToValueList();
        var undiscounted = raw.Select(u => Math.Round(u, 6)).ToValueList();
        var package = outcome.Agreement
            ? Enumerable.Range(0, domain.Space.IssueCount).Select(k => domain.Issues[k].Options[domain.Space.Option(outcome.Package, k)].Id).ToValueList()
            : null;
        var metrics = domain.Metrics;
        return new SessionResult(session.Key, domain.Name, domain.RoleIds.ToValueList(), session.Strategies.Select(i => spec.Strategies[i].Name).ToValueList(),
            session.Repetition, outcome.Agreement, package, utilities, outcome.Rounds, outcome.Reason.ToString().ToLowerInvariant(),
            Math.Round(utilities.Sum(), 6), Round(metrics.DistanceToPareto(undiscounted)), Round(metrics.DistanceToNash(undiscounted)));
    }

    /// <summary>Per strategy: sessions, agreement rate, mean own utility, mean welfare, mean distances, mean rounds; best mean utility first.</summary>
    public static ValueList<StrategyScore> Summarize(IEnumerable<SessionResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var rows = new SortedDictionary<string, List<(SessionResult Result, int Role)>>(StringComparer.Ordinal);
        foreach (var r in results.OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            for (var role = 0; role < r.Strategies.Count; role++)
            {
                if (!rows.TryGetValue(r.Strategies[role], out var list))
                {
                    rows[r.Strategies[role]] = list = [];
                }

                list.Add((r, role));
            }
        }

        static double? Mean(IEnumerable<double?> values)
        {
            var known = values.Where(v => v is not null).Select(v => v!.Value).ToList();
            return known.Count == 0 ? null : Math.Round(known.Average(), 6);
        }

        return rows.Select(kv => new StrategyScore(
                kv.Key,
                kv.Value.Count,
                Math.Round(kv.Value.Average(x => x.Result.Agreement ? 1.0 : 0.0), 6),
                Math.Round(kv.Value.Average(x => x.Result.Utilities[x.Role]), 6),
                Math.Round(kv.Value.Average(x => x.Result.Welfare), 6),
                Mean(kv.Value.Select(x => x.Result.ParetoDistance)),
                Mean(kv.Value.Select(x => x.Result.NashDistance)),
                Math.Round(kv.Value.Average(x => (double)x.Result.Rounds), 6)))
            .OrderByDescending(s => s.MeanUtility).ThenBy(s => s.Strategy, StringComparer.Ordinal)
            .ToValueList();
    }

    /// <summary>FNV-1a 64-bit hash of a session key (stable across runs and platforms).</summary>
    internal static ulong Fnv(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var ch in text)
        {
            hash = (hash ^ ch) * 1099511628211UL;
        }

        return hash;
    }

    private static double? Round(double? v) => v is { } x ? Math.Round(x, 6) : null;
}
