using Parley.Cli.Infrastructure;
using Parley.Conflict;

namespace Parley.Cli.Commands;

/// <summary>Option values read into the engine's terms: concepts, players and coalitions, states, <c>--vary</c> windows.</summary>
internal static partial class StabilityCommand
{
    private static List<StabilityConcept> ParseConcepts(string text)
    {
        var list = new List<StabilityConcept>();
        foreach (var key in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var concept = StabilityConcept.Parse(key) ?? throw new UsageException($"unknown concept '{key}'; expected nash, gmr, smr, seq, sim, seqsim or lH (1 ≤ H ≤ 50)");
            if (!list.Contains(concept))
            {
                list.Add(concept);
            }
        }

        return list.Count > 0 ? list : throw new UsageException("--concepts names no concept");
    }

    private static Player[] Players(ConflictModel model, string[] coalitions, IReadOnlyList<IReadOnlyList<int>>? declared)
    {
        if (coalitions.Length == 0)
        {
            return declared is null ? Player.Individuals(model) : Player.Grouped(model, declared);
        }

        var groups = new List<IReadOnlyList<int>>();
        foreach (var c in coalitions)
        {
            var members = c.Split('+', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(id => Dm(model, id, "--coalition")).ToList();
            if (members.Count < 2)
            {
                throw new UsageException($"--coalition '{c}': name two or more decision makers joined by '+'");
            }

            groups.Add(members);
        }

        try
        {
            return Player.Grouped(model, groups);
        }
        catch (ArgumentException ex)
        {
            throw new UsageException("--coalition: " + ex.Message);
        }
    }

    private static int Dm(ConflictModel model, string id, string option)
    {
        for (var d = 0; d < model.DecisionMakers.Count; d++)
        {
            if (string.Equals(model.DecisionMakers[d].Id, id, StringComparison.OrdinalIgnoreCase))
            {
                return d;
            }
        }

        throw new UsageException($"{option}: unknown decision maker '{id}'; decision makers are {string.Join(", ", model.DecisionMakers.Select(d => d.Id))}");
    }

    private static int State(ConflictModel model, string text, string option)
    {
        var s = model.ParseState(text);
        return s >= 0 ? s : throw new UsageException($"{option}: '{text}' is not a feasible state; give an ordered id 1..{model.StateCount} or a Y/N code of {model.Options.Count} letters");
    }

    private static (int Player, int State) PlayerState(ConflictModel model, Player[] players, string text)
    {
        var colon = text.LastIndexOf(':');
        if (colon <= 0)
        {
            throw new UsageException($"--explain '{text}': expected DM:STATE, e.g. {players[0].Name}:1");
        }

        var name = text[..colon];
        var p = Array.FindIndex(players, pl => string.Equals(pl.Name, name, StringComparison.OrdinalIgnoreCase));
        if (p < 0)
        {
            throw new UsageException($"--explain: unknown decision maker '{name}'; players are {string.Join(", ", players.Select(pl => pl.Name))}");
        }

        return (p, State(model, text[(colon + 1)..], "--explain"));
    }

    private static List<InverseWindow> Windows(ConflictModel model, string[] specs)
    {
        if (specs.Length == 0)
        {
            throw new UsageException("--inverse needs at least one --vary DM[:FROM-TO]");
        }

        var windows = new List<InverseWindow>();
        foreach (var spec in specs)
        {
            var parts = spec.Split(':', 2);
            var dm = Dm(model, parts[0], "--vary");
            if (parts.Length == 1)
            {
                windows.Add(new InverseWindow(dm, 1, int.MaxValue));
                continue;
            }

            var range = parts[1].Split('-', 2);
            if (range.Length != 2 || !int.TryParse(range[0], out var a) || !int.TryParse(range[1], out var b) || a < 1 || b < a)
            {
                throw new UsageException($"--vary '{spec}': expected DM:FROM-TO with 1 ≤ FROM ≤ TO, e.g. {parts[0]}:1-4");
            }

            windows.Add(new InverseWindow(dm, a, b));
        }

        return windows;
    }

    private static string RuleKey(InverseRule rule) => rule == InverseRule.GmcrPy ? "gmcr-py" : "standard";
}
