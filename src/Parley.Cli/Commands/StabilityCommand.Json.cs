using Parley.Conflict;

namespace Parley.Cli.Commands;

/// <summary>The JSON form of a stability analysis.</summary>
internal static partial class StabilityCommand
{
    private static object ToJson(string path, StabilityResult r, StatusQuoResult? sq, List<StabilityExplanation>? explanations, InverseResult? inv, CoalitionStabilityResult? cs, double seconds)
    {
        var m = r.Model;
        return new
        {
            file = path,
            options = m.Options.Select(o => new { id = o.Id, name = o.Name, direction = o.Direction }),
            decisionMakers = m.DecisionMakers.Select(d => new { id = d.Id, name = d.Name, options = m.Options.Where((_, k) => ((d.Mask >> k) & 1) == 1).Select(o => o.Id) }),
            players = r.Players.Select(p => p.Name),
            sanctions = r.Mode == SanctionMode.Full ? "full" : "once-each",
            stateCount = m.StateCount,
            states = Enumerable.Range(0, m.StateCount).Select(s => new { id = ConflictModel.OrderedId(s), code = m.Code(s), @decimal = m.Mask(s) }),
            equilibria = r.Concepts.Select((c, i) => (c.Key, Ids: r.Equilibria(i).Select(ConflictModel.OrderedId))).ToDictionary(x => x.Key, x => x.Ids),
            stable = r.Concepts.Select((c, i) => (c.Key, PerPlayer: r.Players.Select((p, pi) => (p.Name, Ids: r.StableFor(i, pi).Select(ConflictModel.OrderedId))).ToDictionary(x => x.Name, x => x.Ids)))
                .ToDictionary(x => x.Key, x => x.PerPlayer),
            statusQuo = sq is null ? null : new
            {
                from = ConflictModel.OrderedId(sq.Start),
                reachable = sq.Reachable.Select(ConflictModel.OrderedId),
                final = sq.Final.Select(ConflictModel.OrderedId),
                paths = sq.Reachable.Where(s => s != sq.Start).Select(s => new
                {
                    to = ConflictModel.OrderedId(s),
                    moves = sq.Paths[s].Select(st => new { player = r.Players[st.Player].Name, to = ConflictModel.OrderedId(st.To), code = m.Code(st.To) }),
                }),
                reachableEquilibria = r.Concepts.Select((c, i) => (c.Key, Ids: r.Equilibria(i).Where(sq.Paths.ContainsKey).Select(ConflictModel.OrderedId))).ToDictionary(x => x.Key, x => x.Ids),
            },
            explanations = explanations?.Select(e => new
            {
                player = r.Players[e.Player].Name,
                state = ConflictModel.OrderedId(e.State),
                code = m.Code(e.State),
                concept = e.Concept.Key,
                stable = e.Stable,
                anticipated = e.Anticipated is { } a ? ConflictModel.OrderedId(a) : (int?)null,
                improvements = e.Improvements.Select(i => new
                {
                    to = ConflictModel.OrderedId(i.To),
                    code = m.Code(i.To),
                    sanction = i.Sanction?.Select(st => new { player = r.Players[st.Player].Name, to = ConflictModel.OrderedId(st.To), code = m.Code(st.To) }),
                    outcome = i.Outcome is { } o ? ConflictModel.OrderedId(o) : (int?)null,
                }),
                text = Explanation.Describe(m, r.Players, e),
            }),
            inverse = inv is null ? null : new
            {
                state = ConflictModel.OrderedId(inv.State),
                profiles = inv.Profiles,
                rule = RuleKey(inv.Rule),
                counts = inv.Counts.ToDictionary(kv => kv.Key.Key, kv => kv.Value),
                examples = inv.Examples.Select(x => new { profile = x.Profile, rankings = x.Rankings.ToDictionary(kv => m.DecisionMakers[kv.Key].Id, kv => kv.Value.Select(t => t.Select(ConflictModel.OrderedId))), equilibriumUnder = x.Concepts.Select(c => c.Key) }),
            },
            coalitionStability = cs is null ? null : new
            {
                coalitions = cs.Coalitions.Select(c => string.Join("+", c.Select(d => m.DecisionMakers[d].Id))),
                equilibria = cs.Concepts.Select((c, i) => (Key: "c" + c.Key, Ids: cs.Equilibria[i].Select(ConflictModel.OrderedId))).ToDictionary(x => x.Key, x => x.Ids),
            },
            seconds = Math.Round(seconds, 3),
        };
    }
}
