namespace Parley.Conflict;

/// <summary>
/// An acting unit of the analysis: one decision maker, or a coalition of them acting as one
/// (its move changes any of its members' options at once; an improvement must be strictly
/// better for every member; a sanction need only be no better for one member).
/// </summary>
internal sealed record Player(string Name, int[] Members, long Mask)
{
    public bool IsCoalition => Members.Length > 1;

    /// <summary>Strictly better for every member: the move <paramref name="from"/> → <paramref name="to"/> is an improvement.</summary>
    public bool Improves(ConflictModel model, int from, int to)
    {
        foreach (var m in Members)
        {
            if (model.Payoff(m, to) <= model.Payoff(m, from))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Every member sees the state (it is not misperceived by any of them).</summary>
    public bool Sees(ConflictModel model, int state)
    {
        foreach (var m in Members)
        {
            if (!model.Sees(m, state))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The player's one-step moves from <paramref name="state"/> (see <see cref="ConflictModel.Moves"/>), as gmcr-py
    /// defines misperception: a player moves neither <em>from</em> a state one of its members misperceives (none at
    /// all) nor <em>to</em> one (such targets are left out).
    /// </summary>
    public int Moves(ConflictModel model, int state, Span<int> buffer)
    {
        var count = model.Moves(Mask, state, buffer);
        if (!model.HasMisperceptions)
        {
            return count;
        }

        if (!Sees(model, state))
        {
            return 0;
        }

        var kept = 0;
        for (var k = 0; k < count; k++)
        {
            if (Sees(model, buffer[k]))
            {
                buffer[kept++] = buffer[k];
            }
        }

        return kept;
    }

    /// <summary>A scalar used only to choose among a player's anticipated outcomes (limited-move): the payoff, or the members' sum.</summary>
    public long Score(ConflictModel model, int state)
    {
        long sum = 0;
        foreach (var m in Members)
        {
            sum += model.Payoff(m, state);
        }

        return sum;
    }

    /// <summary>One player per decision maker.</summary>
    public static Player[] Individuals(ConflictModel model) =>
        [.. model.DecisionMakers.Select((d, i) => new Player(d.Id, [i], d.Mask))];

    /// <summary>
    /// Players when the given groups of decision makers act as coalitions (every other DM alone),
    /// ordered by their first member.
    /// </summary>
    public static Player[] Grouped(ConflictModel model, IEnumerable<IReadOnlyList<int>> groups)
    {
        var owner = new int[model.DecisionMakers.Count];
        Array.Fill(owner, -1);
        var list = new List<int[]>();
        foreach (var g in groups)
        {
            foreach (var d in g)
            {
                if (owner[d] >= 0)
                {
                    throw new ArgumentException($"decision maker '{model.DecisionMakers[d].Id}' is in two coalitions");
                }

                owner[d] = list.Count;
            }

            list.Add([.. g.Order()]);
        }

        for (var d = 0; d < owner.Length; d++)
        {
            if (owner[d] < 0)
            {
                list.Add([d]);
            }
        }

        return [.. list.OrderBy(g => g[0]).Select(g => new Player(
            string.Join("+", g.Select(d => model.DecisionMakers[d].Id)),
            g,
            g.Aggregate(0L, (m, d) => m | model.DecisionMakers[d].Mask)))];
    }
}
